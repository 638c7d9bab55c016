using Com1ControlPanel.Components.Layout;
using Com1ControlPanel.Features.Cookies;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.Features.Cookies;

/// <summary>
/// Every page a visitor, a customer and each member of staff can open, in a real browser: every cookie the panel sets
/// (seen in Set-Cookie headers and in the browser's jar) is in the registry, and no cookie that needs consent appears
/// before the visitor gave it. Then a visitor who allows usage statistics gets that cookie, as registered.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class CookieSweepTests(BrowserApp app, DebianChromium chromium)
{
    private static readonly string[] PublicPages =
    [
        "/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ResendEmailConfirmation", "/privacy",
        "/privacy/2008-06", "/privacy/changes?from=2008-06&to=2026-11", "/cookies", "/not-found",
    ];

    private static readonly string[] AccountPages =
    [
        "/Account/Manage", "/Account/Manage/ChangePassword", "/Account/Manage/TwoFactorAuthentication", "/Account/Manage/Passkeys",
        "/Account/Manage/PersonalData", "/Account/Manage/Privacy",
    ];

    /// <summary>Everything one browser was given: cookie names from responses and the jar, and where each first appeared.</summary>
    private sealed class CookieLog
    {
        public Dictionary<string, string> FirstSeen { get; } = [];
        public List<string> Unregistered { get; } = [];
        public List<string> WithoutConsent { get; } = [];
        public bool ConsentGiven { get; set; }

        public void Saw(string name, string where)
        {
            FirstSeen.TryAdd(name, where);
            if (CookieRegistry.Find(name) is not { } cookie)
            {
                Unregistered.Add($"{name} (at {where})");
            }
            else if (!cookie.Essential && !ConsentGiven)
            {
                WithoutConsent.Add($"{name} (at {where})");
            }
        }
    }

    private async Task<(IPage Page, CookieLog Log)> BrowserAsync(string? theme = null)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, theme);
        var log = new CookieLog();
        page.Response += async (_, response) =>
        {
            try
            {
                foreach (var header in await response.HeaderValuesAsync("set-cookie"))
                {
                    var name = header.Split('=')[0].Trim();
                    // A deletion stores nothing in the browser.
                    if (!header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                    {
                        log.Saw(name, new Uri(response.Url).PathAndQuery);
                    }
                }
            }
            catch (PlaywrightException)
            {
                // The page moved on before the headers could be read; the jar below still holds what was set.
            }
        };
        return (page, log);
    }

    private static async Task VisitAsync(IPage page, CookieLog log, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            foreach (var cookie in await page.Context.CookiesAsync())
            {
                log.Saw(cookie.Name, path);
            }
        }
    }

    private static void AssertClean(CookieLog log, string who)
    {
        Assert.True(log.Unregistered.Count == 0, $"{who}: cookies missing from the registry: {string.Join(", ", log.Unregistered)}");
        Assert.True(log.WithoutConsent.Count == 0, $"{who}: cookies that need consent, set without it: {string.Join(", ", log.WithoutConsent)}");
    }

    private static IEnumerable<string> AreasOf(System.Security.Claims.ClaimsPrincipal user) => PanelAreas.For(user).Select(a => "/" + a.Href);

    [Fact]
    public async Task A_visitor_gets_only_registered_essential_cookies_until_they_allow_statistics()
    {
        var (page, log) = await BrowserAsync();
        await VisitAsync(page, log, PublicPages);
        await page.GotoAsync("/Account/Login");
        await page.ClickAsync("#cookies-essential");
        await VisitAsync(page, log, ["/Account/Login", "/privacy"]);
        AssertClean(log, "Visitor");
        Assert.DoesNotContain(CookieRegistry.UsageStatistics.Name, log.FirstSeen.Keys);

        var (allowing, allowed) = await BrowserAsync();
        await allowing.GotoAsync("/privacy");
        allowed.ConsentGiven = true;
        await allowing.ClickAsync("#cookies-statistics");
        await VisitAsync(allowing, allowed, ["/privacy", "/cookies"]);
        AssertClean(allowed, "Visitor who allowed statistics");
        Assert.Contains(CookieRegistry.UsageStatistics.Name, allowed.FirstSeen.Keys);
    }

    [Fact]
    public async Task A_customer_signing_in_with_two_factors_and_visiting_every_page_gets_only_registered_cookies()
    {
        var customer = await app.Customers.NewAsync("Swee Sweep", authenticator: true);
        var (page, log) = await BrowserAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#login-email", customer.Email);
        await page.FillAsync("#login-password", customer.Password);
        await page.SubmitFromAsync("#login-password");
        await page.FillAsync("#two-factor-code", customer.Code());
        await page.SubmitFromAsync("#two-factor-code");
        Assert.Equal("/", page.Path());

        await VisitAsync(page, log, [.. AreasOf(customer.Principal), .. AccountPages, .. PublicPages.Take(1), "/privacy", "/cookies"]);
        AssertClean(log, "Customer");
        Assert.Contains(CookieRegistry.TwoFactorUser.Name, log.FirstSeen.Keys);
        Assert.Contains(CookieRegistry.SignIn.Name, log.FirstSeen.Keys);

        await page.GotoAsync("/preferences");
        log.ConsentGiven = true;
        await page.ClickAsync("#cookies-statistics");
        await VisitAsync(page, log, ["/", "/profile"]);
        AssertClean(log, "Customer who allowed statistics");
        Assert.Contains(CookieRegistry.UsageStatistics.Name, log.FirstSeen.Keys);
    }

    [Theory]
    [InlineData(Roles.SupportAgent)]
    [InlineData(Roles.Billing)]
    [InlineData(Roles.ComplianceOfficer)]
    [InlineData(Roles.Admin)]
    public async Task Staff_visiting_every_page_of_their_role_get_only_registered_essential_cookies(string role)
    {
        var staff = await app.Staff.NewAsync(role);
        var (page, log) = await BrowserAsync();
        await page.SignInAsync(staff.Email);

        await VisitAsync(page, log, [.. AreasOf(staff.Principal), "/", .. AccountPages.Take(2), "/privacy", "/cookies"]);

        AssertClean(log, role);
        Assert.DoesNotContain(CookieRegistry.UsageStatistics.Name, log.FirstSeen.Keys);
    }
}
