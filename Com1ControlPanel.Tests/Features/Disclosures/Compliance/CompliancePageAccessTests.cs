using System.Net;
using Com1ControlPanel.Data.DemoData;
using Com1ControlPanel.Tests.Support;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>The disclosure register is open to compliance officers only, and only they are shown the way to it.</summary>
public sealed class CompliancePageAccessTests(PanelAppFactory app) : IClassFixture<PanelAppFactory>
{
    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateNonRedirectingClient();
        using var signIn = await FormPost.SignInAsync(client, email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    [Fact]
    public async Task A_compliance_officer_opens_the_register_and_finds_it_in_the_navigation()
    {
        using var client = await SignedInAsync("compliance@com1.test");

        var page = await client.GetStringAsync("/compliance/disclosures");
        var dashboard = await client.GetStringAsync("/");

        Assert.Contains("Disclosure register", page);
        Assert.Contains("Record a disclosure", page);
        Assert.Contains("Metro Police Department", page);
        Assert.Contains("href=\"compliance/disclosures\"", dashboard);
    }

    [Theory]
    [InlineData("alice@example.com")]
    [InlineData("agent@com1.test")]
    [InlineData("billing@com1.test")]
    [InlineData("admin@com1.test")]
    public async Task Customers_and_other_staff_are_refused_the_register_and_not_shown_the_way(string email)
    {
        using var client = await SignedInAsync(email);

        using var response = await client.GetAsync("/compliance/disclosures");
        var body = await response.Content.ReadAsStringAsync();
        var dashboard = await client.GetStringAsync("/");

        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Equal("/Account/AccessDenied", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || body.Contains("You don't have access to this page"),
                $"Got {response.StatusCode}");
        }
        Assert.DoesNotContain("Record a disclosure", body);
        Assert.DoesNotContain("Metro Police Department", body);
        Assert.DoesNotContain("href=\"compliance/disclosures\"", dashboard);
    }

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in()
    {
        using var client = app.CreateNonRedirectingClient();

        using var response = await client.GetAsync("/compliance/disclosures");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
    }
}
