using Com1ControlPanel.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>axe-core's WCAG 2.1 A and AA rules on the panel's pages, in both themes: what a screen reader or a low-vision user would trip over.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class AccessibilityTests(PanelServer server, DebianChromium chromium)
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

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

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var results = await page.RunAxe(WcagAa);
        var found = results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }
}
