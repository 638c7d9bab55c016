using System.Net;
using Com1ControlPanel.Features.Cookies;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Behind a TLS-terminating proxy the panel knows it is served over https: HSTS, Secure cookies and the customer's
/// own network in the sign-in history. Only proxies named in the settings are believed; plain http is sent to https.
/// </summary>
public sealed class TransportTests(TransportTests.ProxiedApp app) : IClassFixture<TransportTests.ProxiedApp>
{
    private const string KnownProxy = "10.0.0.5";
    private const string PublicHost = "panel.example.test";

    /// <summary>The app behind a TLS-terminating proxy at <see cref="KnownProxy"/>, named in its settings, at https://panel.example.test/.</summary>
    public sealed class ProxiedApp() : PanelApp(AppOptions.Default
        .With("Panel:PublicBaseUrl", $"https://{PublicHost}/")
        .With("ForwardedHeaders:KnownProxies", KnownProxy));

    /// <summary>A browser that speaks https to the proxy; the proxy passes each request on over plain http.</summary>
    private HttpClient ThroughTheProxy(string clientAddress = "198.51.100.7") =>
        app.Client(from: KnownProxy, at: new Uri($"https://{PublicHost}/"), handlers: new TlsProxy(clientAddress));

    /// <summary>A client that reaches the panel directly from <paramref name="address"/>, with no proxy between.</summary>
    private HttpClient Direct(string address, string scheme = "http") => app.Client(from: address, at: new Uri($"{scheme}://{PublicHost}/"));

    /// <summary>What a TLS-terminating proxy does: plain http onwards, saying who asked and that they used https.</summary>
    private sealed class TlsProxy(string clientAddress) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var asked = request.RequestUri!;
            request.RequestUri = new UriBuilder(asked) { Scheme = "http", Port = 80 }.Uri;
            request.Headers.Host = asked.Host;
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", clientAddress);
            var response = await base.SendAsync(request, cancellationToken);
            // The browser asked for https: that is where its cookies belong.
            request.RequestUri = asked;
            return response;
        }
    }

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
        using var client = ThroughTheProxy();

        using var response = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Behind_the_known_proxy_signing_in_sets_Secure_cookies_and_records_the_customers_network()
    {
        var customer = await app.Customers.NewAsync("Percy Proxied");
        // The statistics cookie comes only after the customer's own yes on the cookie banner.
        await app.Get<CookieConsent>().AnswerAsync(customer.Id, customer.FullName, CookieAnswer.AllowStatistics);
        using var client = ThroughTheProxy(clientAddress: "198.51.100.7");

        using var response = await client.SignInAsync(customer.Email);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = Assert.Single(SetCookies(response), c => c.StartsWith("com1.auth=", StringComparison.Ordinal));
        AssertAllSecure([auth]);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/profile");
        page.Headers.Accept.ParseAdd("text/html");
        using var profile = await client.SendAsync(page);
        AssertAllSecure([Assert.Single(SetCookies(profile), c => c.StartsWith("com1-usage=", StringComparison.Ordinal))]);
        await using var db = app.CreateDbContext();
        Assert.Equal("198.51.100.x", (await db.SignInRecords.SingleAsync(r => r.UserId == customer.Id)).Network);
    }

    [Fact]
    public async Task Behind_the_known_proxy_every_cookie_the_panel_sets_is_Secure()
    {
        using var client = ThroughTheProxy();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var cookies = new List<string>();

        using (var page = await client.GetAsync("/Account/Login"))
        {
            cookies.AddRange(SetCookies(page));
        }
        using (var theme = await client.PostFormAsync("/theme",
                   new Dictionary<string, string> { ["mode"] = "dark", ["returnUrl"] = "/Account/Login" }, tokenFrom: "/Account/Login"))
        {
            cookies.AddRange(SetCookies(theme));
        }
        // Reached without a password first: the panel sends the visitor back with a status message cookie.
        using (var status = await client.GetAsync("/Account/LoginWith2fa"))
        {
            cookies.AddRange(SetCookies(status));
        }

        // The cookie banner's answer of a visitor who is not signed in.
        using (var answer = await client.PostFormAsync("/cookies/choice",
                   new Dictionary<string, string> { ["choice"] = "essential", ["returnUrl"] = "/Account/Login" }, tokenFrom: "/Account/Login"))
        {
            cookies.AddRange(SetCookies(answer));
        }

        // Anonymous visitors who did not allow statistics get no statistics cookie; a customer's is checked with signing in above.
        string[] expected = [".AspNetCore.Antiforgery.", "com1-theme=", "Identity.StatusMessage=", "com1-cookies="];
        Assert.All(expected, name => Assert.Contains(cookies, c => c.StartsWith(name, StringComparison.Ordinal)));
        AssertAllSecure(cookies);
    }

    [Fact]
    public async Task Plain_http_is_sent_to_https()
    {
        using var client = Direct("203.0.113.9");

        using var response = await client.GetAsync("/Account/Login?x=1");

        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect, $"{response.StatusCode}");
        Assert.Equal($"https://{PublicHost}/Account/Login?x=1", response.Headers.Location!.AbsoluteUri);
    }

    [Fact]
    public async Task A_health_probe_over_plain_http_gets_a_plain_answer()
    {
        using var client = Direct("10.0.0.9");

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_client_that_is_not_a_known_proxy_cannot_claim_https()
    {
        using var client = Direct("203.0.113.9");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var response = await client.GetAsync("/Account/Login");

        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect, $"{response.StatusCode}");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_client_that_is_not_a_known_proxy_cannot_choose_the_network_recorded_for_its_sign_in()
    {
        var customer = await app.Customers.NewAsync("Sid Spoofer");
        using var client = Direct("203.0.113.9", scheme: "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");

        using var response = await client.SignInAsync(customer.Email);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal("203.0.113.x", (await db.SignInRecords.SingleAsync(r => r.UserId == customer.Id)).Network);
    }
}
