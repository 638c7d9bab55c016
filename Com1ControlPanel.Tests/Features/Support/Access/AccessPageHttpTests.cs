using System.Net;
using Com1ControlPanel.Data.DemoData;

namespace Com1ControlPanel.Tests.Features.Support.Access;

/// <summary>/access as the server sends it: each customer's own history, and nothing for staff or visitors.</summary>
public sealed class AccessPageHttpTests(PanelApp app) : IClassFixture<PanelApp>
{
    // The demo accounts are only looked at here.
    private Task<HttpClient> SignedInAsync(string email) => app.Client().SignedInAsync(email, DemoAccounts.Password);

    [Theory]
    [InlineData("alice@example.com", "T-48213", "T-48377")]
    [InlineData("bob@example.com", "T-48377", "T-48213")]
    public async Task Each_customer_gets_their_own_support_history_and_never_the_others(string email, string own, string others)
    {
        using var client = await SignedInAsync(email);

        var body = await client.GetStringAsync("/access");

        Assert.Contains("Who accessed my account", body);
        Assert.Contains(own, body);
        Assert.DoesNotContain(others, body);
    }

    [Theory]
    [InlineData("agent@com1.test")]
    [InlineData("admin@com1.test")]
    public async Task Staff_are_refused_the_page(string email)
    {
        using var client = await SignedInAsync(email);

        using var response = await client.GetAsync("/access");

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect
            || body.Contains("You don't have access to this page"), $"Got {response.StatusCode}");
        Assert.DoesNotContain("approval-heading", body);
        Assert.DoesNotContain("T-48", body);
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_is_sent_to_sign_in()
    {
        using var client = app.Client();

        using var response = await client.GetAsync("/access");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
    }
}
