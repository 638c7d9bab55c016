using Com1ControlPanel.Components;
using Com1ControlPanel.Features.Accounts;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Features.UsageStatistics;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// A visitor who has not signed in has given no consent, so the public pages set only the cookies the panel cannot work
/// without. The usage statistics cookie waits for a signed-in customer who allows it (a cookie banner comes later).
/// </summary>
public sealed class AnalyticsConsentTests(PanelApp app) : IClassFixture<PanelApp>
{
    /// <summary>
    /// Cookies a visitor may get before any consent, each strictly necessary for what they asked for: the antiforgery
    /// cookie of every form, the sign-in cookies (set only by signing in), the one-shot status message of the account pages,
    /// and the theme, which only the visitor's own press of the theme switch sets.
    /// </summary>
    private static readonly string[] EssentialCookies =
    [
        ".AspNetCore.Antiforgery.", "com1.auth", "Identity.External", "Identity.TwoFactorUserId", "Identity.TwoFactorRememberMe",
        IdentityRedirectManager.StatusCookieName, ThemePreference.CookieName,
    ];

    private static async Task<IReadOnlyList<string>> CookiesSetByAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept", "text/html");
        using var response = await client.SendAsync(request);
        Assert.True((int)response.StatusCode < 400, $"{path} answered {(int)response.StatusCode}");
        return response.Headers.TryGetValues("Set-Cookie", out var cookies)
            // A deletion (expired in 1970) stores nothing in the browser.
            ? [.. cookies.Where(c => !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))]
            : [];
    }

    private async Task<string> UnsubscribePathAsync()
    {
        var customer = await app.Customers.NewAsync("Connie Consent");
        var token = app.Services.GetRequiredService<UnsubscribeLinks>().TokenFor(
            new(Guid.NewGuid(), customer.Id, new ConsentKey(MarketingPurpose.ComProducts, ContactChannel.Email)));
        return $"/unsubscribe/{token}";
    }

    [Fact]
    public async Task The_public_pages_set_no_cookie_but_essential_ones_for_an_anonymous_visitor()
    {
        using var client = app.Client();
        string[] pages = ["/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ResendEmailConfirmation",
            await UnsubscribePathAsync(), "/unsubscribe/done?result=invalid"];

        foreach (var page in pages)
        {
            foreach (var cookie in await CookiesSetByAsync(client, page))
            {
                Assert.True(EssentialCookies.Any(name => cookie.StartsWith(name, StringComparison.Ordinal)),
                    $"{page} set a cookie that needs consent first: {cookie.Split('=')[0]}");
            }
        }
    }

    [Fact]
    public async Task An_anonymous_visit_is_not_counted_and_loses_an_old_statistics_cookie()
    {
        var counter = app.Services.GetRequiredService<UsageCounter>();
        await counter.FlushAsync();
        using var client = app.Client();
        client.DefaultRequestHeaders.Add("Cookie", $"{UsageStatisticsCookie.CookieName}=FROMBEFORE");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/ResendEmailConfirmation");
        request.Headers.Add("Accept", "text/html");
        using var response = await client.SendAsync(request);
        await counter.FlushAsync();

        Assert.Contains(response.Headers.GetValues("Set-Cookie"),
            c => c.StartsWith($"{UsageStatisticsCookie.CookieName}=;", StringComparison.Ordinal));
        await using var db = app.CreateDbContext();
        Assert.False(await db.PageViewCounts.AnyAsync(c => c.Page == "/Account/ResendEmailConfirmation"));
    }
}
