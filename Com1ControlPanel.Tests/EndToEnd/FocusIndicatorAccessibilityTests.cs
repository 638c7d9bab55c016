using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>
/// A keyboard user always sees where they are (WCAG 2.4.7, 2.4.11): the controls people tab through most show their focus
/// on a wide and a phone screen, light and dark. Every page is tabbed through in <see cref="Pages.EveryPageAccessibilityTests"/>.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class FocusIndicatorAccessibilityTests(BrowserApp app, DebianChromium chromium)
{
    private async Task<IPage> SignedInAsync(string path, string theme, int width)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await page.SignInAsync((await app.Customers.NewAsync("Kai Keyboard")).Email);
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
        return page;
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
