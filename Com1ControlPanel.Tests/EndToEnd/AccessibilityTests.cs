using Com1ControlPanel.Tests.Support;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>axe-core's WCAG 2.1 A and AA rules on the panel's pages, in both themes: what a screen reader or a low-vision user would trip over.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class AccessibilityTests(PanelServer server, DebianChromium chromium)
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
    };

    [Theory]
    [MemberData(nameof(AnonymousPages))]
    public async Task Sign_in_pages_pass_wcag_aa(string path, string theme)
    {
        var page = await PageInThemeAsync(theme);
        await page.GotoAsync(path);
        await AssertNoViolationsAsync(page);
    }

    [Theory]
    [MemberData(nameof(CustomerPages))]
    public async Task Customer_pages_pass_wcag_aa(string path, string theme)
    {
        var page = await PageInThemeAsync(theme);
        var email = $"a11y-{Guid.NewGuid():N}"[..16] + "@example.com";
        await TestCustomers.CreateAsync(server.App.Services, email, "Ada Access");
        await page.SignInAsync(email, TestCustomers.Password);
        await page.GotoAsync(path);
        if (!path.StartsWith("/Account", StringComparison.Ordinal))
        {
            await page.WaitForInteractiveAsync();
        }
        await AssertNoViolationsAsync(page);
    }

    private async Task<IPage> PageInThemeAsync(string theme)
    {
        var page = await chromium.NewPageAsync(server.BaseAddress);
        await page.Context.AddCookiesAsync([new Cookie { Name = "com1-theme", Value = theme, Url = server.BaseAddress.ToString() }]);
        return page;
    }

    private static Task AssertNoViolationsAsync(IPage page) => AccessibilityChecks.AssertNoViolationsAsync(page);
}
