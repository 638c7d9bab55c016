using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>axe-core's WCAG 2.1 A and AA rules on the panel's pages, in both themes: what a screen reader or a low-vision user would trip over.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class AccessibilityTests(BrowserApp app, DebianChromium chromium)
{
    public static TheoryData<string, string> AnonymousPages => new()
    {
        { "/Account/Login", "light" }, { "/Account/Login", "dark" },
        { "/Account/Register", "light" }, { "/Account/Register", "dark" },
        { "/Account/ForgotPassword", "dark" }, { "/not-found", "light" },
    };

    public static TheoryData<string, string> CustomerPages => new()
    {
        { "/", "light" }, { "/", "dark" },
        { "/profile", "light" }, { "/profile", "dark" },
        { "/messages", "light" }, { "/Account/Manage", "dark" },
        { "/Account/Manage/PersonalData", "light" }, { "/Account/Manage/PersonalData", "dark" },
    };

    [Theory]
    [MemberData(nameof(AnonymousPages))]
    public async Task Sign_in_pages_pass_wcag_aa(string path, string theme)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, theme);
        await page.GotoAsync(path);
        await AccessibilityChecks.AssertNoViolationsAsync(page);
    }

    [Theory]
    [MemberData(nameof(CustomerPages))]
    public async Task Customer_pages_pass_wcag_aa(string path, string theme)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, theme);
        await page.SignInAsync((await app.Customers.NewAsync("Ada Access")).Email);
        await page.GotoAsync(path);
        // A server-rendered Manage page says it is live on its app bar island: tabbing before then loses the focus
        // when the island takes over its markup.
        await page.WaitForInteractiveAsync();
        await AccessibilityChecks.AssertNoViolationsAsync(page);
    }
}
