using System.Net;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>The disclosure register is open to compliance officers only, and only they are shown the way to it.</summary>
/// <remarks>The register lists every disclosure recorded; the demo data's disclosure to the Metro Police Department is one.</remarks>
public sealed class CompliancePageAccessTests(PanelApp app) : IClassFixture<PanelApp>
{
    private async Task<HttpClient> SignedInAsync(string role)
    {
        var email = role == Roles.Customer ? (await app.Customers.NewAsync("Cleo Customer")).Email : (await app.Staff.NewAsync(role)).Email;
        return await app.Client().SignedInAsync(email);
    }

    [Fact]
    public async Task A_compliance_officer_opens_the_register_and_finds_it_in_the_navigation()
    {
        using var client = await SignedInAsync(Roles.ComplianceOfficer);

        var page = await client.GetStringAsync("/compliance/disclosures");
        var dashboard = await client.GetStringAsync("/");

        Assert.Contains("Disclosure register", page);
        Assert.Contains("Record a disclosure", page);
        Assert.Contains("Metro Police Department", page);
        Assert.Contains("href=\"compliance/disclosures\"", dashboard);
    }

    [Theory]
    [InlineData(Roles.Customer)]
    [InlineData(Roles.SupportAgent)]
    [InlineData(Roles.Billing)]
    [InlineData(Roles.Admin)]
    public async Task Customers_and_other_staff_are_refused_the_register_and_not_shown_the_way(string role)
    {
        using var client = await SignedInAsync(role);

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
        using var client = app.Client();

        using var response = await client.GetAsync("/compliance/disclosures");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
    }
}
