using System.Net;
using Com1ControlPanel.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Behind a TLS-terminating proxy the panel knows it is served over https: HSTS, Secure cookies and the customer's
/// own network in the sign-in history. Only proxies named in the settings are believed; plain http is sent to https.
/// </summary>
public sealed class TransportTests(ProxiedPanel panel) : IClassFixture<ProxiedPanel>
{
    private static IReadOnlyList<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    private static void AssertAllSecure(IEnumerable<string> cookies)
    {
        foreach (var cookie in cookies)
        {
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Behind_the_known_proxy_https_pages_carry_HSTS()
    {
        using var client = panel.ThroughTheProxy();

        using var response = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Behind_the_known_proxy_signing_in_sets_Secure_cookies_and_records_the_customers_network()
    {
        var email = $"proxied-{Guid.NewGuid():N}"[..20] + "@example.com";
        var customer = await TestCustomers.CreateAsync(panel.App.Services, email, "Percy Proxied");
        using var client = panel.ThroughTheProxy(clientAddress: "198.51.100.7");

        using var response = await FormPost.SignInAsync(client, email, TestCustomers.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = Assert.Single(SetCookies(response), c => c.StartsWith("com1.auth=", StringComparison.Ordinal));
        AssertAllSecure([auth]);
        // The statistics cookie comes only with a customer's consent (this one allows it, as a new US customer does).
        using var page = new HttpRequestMessage(HttpMethod.Get, "/profile");
        page.Headers.Accept.ParseAdd("text/html");
        using var profile = await client.SendAsync(page);
        AssertAllSecure([Assert.Single(SetCookies(profile), c => c.StartsWith("com1-usage=", StringComparison.Ordinal))]);
        await using var db = panel.CreateDbContext();
        Assert.Equal("198.51.100.x", (await db.SignInRecords.SingleAsync(r => r.UserId == customer.Id)).Network);
    }

    [Fact]
    public async Task Behind_the_known_proxy_every_cookie_the_panel_sets_is_Secure()
    {
        using var client = panel.ThroughTheProxy();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var cookies = new List<string>();

        using (var page = await client.GetAsync("/Account/Login"))
        {
            cookies.AddRange(SetCookies(page));
        }
        var token = await FormPost.AntiforgeryTokenAsync(client, "/Account/Login");
        using (var theme = await client.PostAsync("/theme", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["mode"] = "dark", ["returnUrl"] = "/Account/Login",
        })))
        {
            cookies.AddRange(SetCookies(theme));
        }
        // Reached without a password first: the panel sends the visitor back with a status message cookie.
        using (var status = await client.GetAsync("/Account/LoginWith2fa"))
        {
            cookies.AddRange(SetCookies(status));
        }

        // Anonymous visitors get no statistics cookie at all; a customer's is checked with signing in above.
        string[] expected = [".AspNetCore.Antiforgery.", "com1-theme=", "Identity.StatusMessage="];
        Assert.All(expected, name => Assert.Contains(cookies, c => c.StartsWith(name, StringComparison.Ordinal)));
        AssertAllSecure(cookies);
    }

    [Fact]
    public async Task Plain_http_is_sent_to_https()
    {
        using var client = panel.Direct("203.0.113.9");

        using var response = await client.GetAsync("/Account/Login?x=1");

        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect, $"{response.StatusCode}");
        Assert.Equal($"https://{ProxiedPanel.PublicHost}/Account/Login?x=1", response.Headers.Location!.AbsoluteUri);
    }

    [Fact]
    public async Task A_health_probe_over_plain_http_gets_a_plain_answer()
    {
        using var client = panel.Direct("10.0.0.9");

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_client_that_is_not_a_known_proxy_cannot_claim_https()
    {
        using var client = panel.Direct("203.0.113.9");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var response = await client.GetAsync("/Account/Login");

        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect, $"{response.StatusCode}");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_client_that_is_not_a_known_proxy_cannot_choose_the_network_recorded_for_its_sign_in()
    {
        var email = $"spoofer-{Guid.NewGuid():N}"[..20] + "@example.com";
        var customer = await TestCustomers.CreateAsync(panel.App.Services, email, "Sid Spoofer");
        using var client = panel.Direct("203.0.113.9", scheme: "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");

        using var response = await FormPost.SignInAsync(client, email, TestCustomers.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = panel.CreateDbContext();
        Assert.Equal("203.0.113.x", (await db.SignInRecords.SingleAsync(r => r.UserId == customer.Id)).Network);
    }
}
