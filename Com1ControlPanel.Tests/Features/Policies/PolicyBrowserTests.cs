using System.Globalization;
using Com1ControlPanel.Features.Policies;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.Features.Policies;

/// <summary>The app served for a browser on a clock the tests move: it only moves forward.</summary>
public sealed class ClockedBrowserApp() : PanelApp(new AppOptions { Served = true, FakeClock = true });

/// <summary>
/// An administrator publishes a new version in the browser; the customer is emailed at once, and from the effective date
/// their pages show the notice until they close it, which is recorded and listed under their account. The pages pass the
/// WCAG AA checks in the light theme at 1280 px and the dark theme at 375 px.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class PolicyBrowserTests(ClockedBrowserApp app, DebianChromium chromium) : IClassFixture<ClockedBrowserApp>
{
    private const string Summary = "Partners' offers now need your consent first.";

    private async Task<IPage> SignedInAsync(string email, string? theme = null, int? width = null)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await page.SignInAsync(email);
        return page;
    }

    [Fact]
    public async Task A_published_version_is_announced_and_its_notice_is_seen_and_recorded_from_its_effective_date()
    {
        var customer = await app.Customers.NewAsync("Pia Policy");
        var admin = await app.Staff.NewAsync(Roles.Admin, "Ada Publisher");
        var effective = app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(30);

        var staff = await SignedInAsync(admin.Email);
        await staff.GotoAsync("/admin/policies");
        await staff.WaitForInteractiveAsync();
        await staff.FillAsync("#policy-effective", effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await staff.Keyboard.PressAsync("Escape");
        await staff.FillAsync("#policy-summary", Summary);
        await staff.FillAsync("#policy-markdown", "# Com 1 privacy policy\n\nPartners' offers now need your consent first.\n\nEverything else stays.");
        await staff.ScreenshotForReviewAsync("admin-policies-light-1280");
        await staff.ClickAsync("#policy-publish");
        await staff.ClickAsync("#policy-confirm");
        var version = effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Assertions.Expect(staff.Locator("#policy-versions-admin")).ToContainTextAsync(version);
        await AccessibilityChecks.AssertNoViolationsAsync(staff);

        var mail = await app.Mailbox.WaitForAsync(customer.Email, PolicyMail.Subject);
        Assert.Contains(Summary, mail.TextBody);
        Assert.Contains($"/privacy/changes?from=2026-11&to={version}", mail.TextBody);

        app.Clock.Advance(TimeSpan.FromDays(30));
        var page = await SignedInAsync(customer.Email, "light", 1280);
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#policy-notice")).ToContainTextAsync(Summary);
        await page.ScreenshotForReviewAsync("policy-notice-dashboard-light-1280");
        await AccessibilityChecks.AssertNoViolationsAsync(page);

        await page.ClickAsync("#policy-notice-changes");
        await page.WaitForPathAsync("/privacy/changes");
        await Assertions.Expect(page.Locator("#policy-changes ins").First).ToBeVisibleAsync();
        await page.ScreenshotForReviewAsync("policy-changes-light-1280");
        await page.ClickAsync("#policy-notice-close");
        await page.WaitForPathAsync("/privacy/changes");
        await Assertions.Expect(page.Locator("#policy-notice")).ToHaveCountAsync(0);

        await using (var db = app.CreateDbContext())
        {
            var record = await db.PolicyAcknowledgements.SingleAsync(a => a.CustomerId == customer.Id);
            Assert.Equal((version, AcknowledgementMethod.ClosedNoticeAfterReadingChanges), (record.Version, record.How));
        }
        await page.GotoAsync("/Account/Manage/Privacy");
        await Assertions.Expect(page.Locator("#policies-shown")).ToContainTextAsync(version);
        await page.ScreenshotForReviewAsync("policies-shown-light-1280");
    }

    [Fact]
    public async Task The_notice_and_the_cookie_banner_read_well_in_the_dark_theme_on_a_phone()
    {
        var customer = await app.Customers.NewAsync("Dee Dark");
        var page = await SignedInAsync(customer.Email, "dark", 375);
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.Locator("#policy-notice")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#cookie-banner")).ToBeVisibleAsync();
        await page.ScreenshotForReviewAsync("banners-dashboard-dark-375");
        await AccessibilityChecks.AssertNoViolationsAsync(page);

        // The banner's two answers are reachable from the keyboard, one after the other.
        await page.FocusAsync("#cookie-banner-details");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("cookies-essential", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("cookies-statistics", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#cookie-banner")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("/privacy", "light", 1280)]
    [InlineData("/privacy", "dark", 375)]
    [InlineData("/privacy/changes?from=2008-06&to=2026-11", "dark", 375)]
    [InlineData("/privacy/changes?from=2008-06&to=2026-11", "light", 1280)]
    [InlineData("/cookies", "light", 1280)]
    [InlineData("/cookies", "dark", 375)]
    [InlineData("/Account/Login", "dark", 375)]
    public async Task The_public_pages_and_the_banner_pass_wcag_aa(string path, string theme, int width)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await page.GotoAsync(path);

        await Assertions.Expect(page.Locator("#cookie-banner")).ToBeVisibleAsync();
        var name = path.Trim('/').Split('?')[0].Replace('/', '-');
        await page.ScreenshotForReviewAsync($"{name}-{theme}-{width}");
        await AccessibilityChecks.AssertNoViolationsAsync(page);
    }
}
