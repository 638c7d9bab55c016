
namespace Com1ControlPanel.Tests.Infrastructure.Security;

public sealed class SecurityHeadersTests(PanelApp app) : IClassFixture<PanelApp>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/health")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = app.Client();
        using var response = await client.GetAsync(path);

        // A browser enforces every Content-Security-Policy header it gets, so each one must be safe on its own.
        var policies = response.Headers.GetValues("Content-Security-Policy").ToList();
        Assert.Contains(policies, p => p.Contains("default-src 'self'") && p.Contains("frame-ancestors 'none'"));
        Assert.DoesNotContain(policies, p => Directive(p, "script-src") is { } scripts && scripts.Contains("'unsafe-inline'"));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    private static string? Directive(string policy, string name) =>
        policy.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal));
}
