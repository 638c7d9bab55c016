using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>
/// On a phone the menu is a drawer: its button says whether it is open (aria-expanded) and which element it opens
/// (aria-controls); opening puts the focus on the first link, Escape closes it and gives the focus back to the button.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class DrawerAccessibilityTests(BrowserApp app, DebianChromium chromium)
{
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_menu_button_opens_the_drawer_into_its_first_link_and_escape_closes_it_back_to_the_button(string theme)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, 375);
        await page.SignInAsync((await app.Customers.NewAsync("Mia Mobile")).Email);
        await page.GotoAsync("/profile");
        await page.WaitForInteractiveAsync();
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Open or close the navigation" });
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        var drawerId = await button.GetAttributeAsync("aria-controls");
        Assert.False(string.IsNullOrEmpty(drawerId), "the menu button does not say which element it opens");
        var drawer = page.Locator($"[id='{drawerId}']");
        await Assertions.Expect(drawer.GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).Not.ToBeInViewportAsync();

        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(drawer.GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToBeFocusedAsync();
        await Assertions.Expect(drawer.GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToBeInViewportAsync();
        await page.ScreenshotForReviewAsync($"drawer-open-375-{theme}");

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(button).ToBeFocusedAsync();
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(drawer.GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).Not.ToBeInViewportAsync();
        await page.ScreenshotForReviewAsync($"drawer-closed-375-{theme}");
    }

    [Fact]
    public async Task Choosing_an_area_in_the_phone_drawer_opens_it_closes_the_drawer_and_marks_the_area_as_current()
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, width: 375);
        await page.SignInAsync((await app.Customers.NewAsync("Nia Nav")).Email);
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Open or close the navigation" });
        var drawer = page.Locator("#main-menu");
        await Assertions.Expect(drawer.Locator("a.active")).ToHaveTextAsync("Dashboard");
        await button.ClickAsync();

        await drawer.GetByRole(AriaRole.Link, new() { Name = "Account data" }).ClickAsync();

        await page.WaitForPathAsync("/profile");
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(drawer.GetByRole(AriaRole.Link, new() { Name = "Account data" })).Not.ToBeInViewportAsync();
        await Assertions.Expect(drawer.Locator("a.active")).ToHaveTextAsync("Account data");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your account data");
    }
}
