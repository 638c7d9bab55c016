using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>
/// Where the focus goes as a keyboard user moves between pages (WCAG 2.4.3). That every page has one main landmark and
/// "Skip to content" as its first Tab stop is checked page by page in <see cref="Pages.EveryPageAccessibilityTests"/>.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class LandmarkAccessibilityTests(BrowserApp app, DebianChromium chromium)
{
    /// <summary>Only the page a visitor opens keeps the focus at its start: moving to another page announces its heading.</summary>
    [Fact]
    public async Task Moving_to_another_page_puts_the_focus_on_its_heading()
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, "light");
        await page.SignInAsync((await app.Customers.NewAsync("Hugo Heading")).Email);
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        Assert.Equal("BODY", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));

        await page.Locator(".mud-drawer a[href='profile']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForPathAsync("/profile");
        await Assertions.Expect(page.Locator("h1")).ToBeFocusedAsync();
    }
}
