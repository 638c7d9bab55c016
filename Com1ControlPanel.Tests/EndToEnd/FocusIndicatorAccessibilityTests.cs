using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Features.Domains;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>
/// A keyboard user always sees where they are (WCAG 2.4.7, 2.4.11): Tab through the main pages, light and dark, and every
/// element it reaches shows a focus indicator at least 2 px thick with at least 3:1 contrast against the page around it.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class FocusIndicatorAccessibilityTests(BrowserApp app, DebianChromium chromium)
{
    public static TheoryData<string, string> Pages()
    {
        var pages = new TheoryData<string, string>();
        foreach (var theme in new[] { "light", "dark" })
        {
            foreach (var path in new[] { "/", "/profile", "/preferences", "/disclosures", "/billing", "/domains", "/messages",
                         "/Account/Manage", "/staff/billing" })
            {
                pages.Add(path, theme);
            }
        }
        return pages;
    }

    private async Task<IPage> SignedInAsync(string path, string theme, int width = 1280)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        if (path.StartsWith("/staff", StringComparison.Ordinal))
        {
            await page.SignInAsync((await app.Staff.NewAsync(Roles.Billing)).Email);
        }
        else
        {
            var customer = await app.Customers.NewAsync("Kai Keyboard");
            await app.DomainAsync(customer.Id, $"keyboard-{Guid.NewGuid():N}"[..18] + ".example");
            await page.SignInAsync(customer.Email);
        }
        await page.GotoAsync(path);
        // A server-rendered Manage page says it is live on its app bar island: tabbing before then loses the focus
        // when the island takes over its markup.
        await page.WaitForInteractiveAsync();
        return page;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_element_tab_reaches_shows_a_clear_focus_indicator(string path, string theme)
    {
        var page = await SignedInAsync(path, theme);

        var stops = await FocusChecks.TabThroughAsync(page);

        Assert.True(stops.Count >= 5, $"Tab reached only {stops.Count} elements on {path}: {string.Join(", ", stops.Select(s => s.Name))}");
        var problems = stops.Select(FocusChecks.Problem).OfType<string>().ToList();
        Assert.True(problems.Count == 0, $"{path} ({theme}):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    /// <summary>The three controls people tab through most, focused by keyboard, on a wide and a phone screen.</summary>
    [Theory]
    [InlineData("light", 1280)]
    [InlineData("dark", 1280)]
    [InlineData("light", 375)]
    [InlineData("dark", 375)]
    public async Task A_nav_link_a_button_and_a_switch_show_their_focus(string theme, int width)
    {
        var page = await SignedInAsync("/preferences", theme, width);
        if (width < 960)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Open or close the navigation" }).ClickAsync();
        }

        await FocusByKeyboardAsync(page, page.Locator(".mud-drawer a[href='profile']"));
        await AssertFocusShowsAsync(page, $"focus-nav-link-{width}-{theme}");
        if (width < 960)
        {
            await page.Keyboard.PressAsync("Escape");
        }
        await FocusByKeyboardAsync(page, page.Locator("#stop-all-button"));
        await AssertFocusShowsAsync(page, $"focus-button-{width}-{theme}");
        await FocusByKeyboardAsync(page, page.Locator(".mud-switch input:not([disabled])").First);
        await AssertFocusShowsAsync(page, $"focus-switch-{width}-{theme}");
    }

    // Focus that comes from the keyboard, as :focus-visible wants: onto the element before, then Tab.
    private static async Task FocusByKeyboardAsync(IPage page, ILocator target)
    {
        await target.ScrollIntoViewIfNeededAsync();
        await target.FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await target.EvaluateAsync<bool>("el => el === document.activeElement"), "Tab did not come back to the element");
    }

    private static async Task AssertFocusShowsAsync(IPage page, string screenshot)
    {
        var stop = await FocusChecks.FocusedAsync(page);
        Assert.NotNull(stop);
        Assert.Null(FocusChecks.Problem(stop));
        if (Environment.GetEnvironmentVariable("COM1_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.WaitForTimeoutAsync(300);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, screenshot + ".png") });
        }
    }
}
