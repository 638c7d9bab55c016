using Com1ControlPanel.Tests.Kit;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>The panel opens in the device's light or dark preference; a visitor's own choice is remembered over it.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ThemeTests(BrowserApp app, DebianChromium chromium)
{
    private const string Dark = "rgb(15, 23, 32)";
    private const string Light = "rgb(245, 247, 250)";

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    private async Task<IPage> DeviceInDarkModeAsync()
    {
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        return page;
    }

    [Fact]
    public async Task A_device_in_dark_mode_gets_the_dark_theme_without_choosing_it()
    {
        var page = await DeviceInDarkModeAsync();

        await page.GotoAsync("/Account/Login");
        await page.ReloadAsync();

        Assert.Equal(Dark, await BackgroundAsync(page));
        await Assertions.Expect(page.GetByLabel("Switch to light theme")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_live_page_follows_the_device_on_the_very_first_visit()
    {
        var customer = await app.Customers.NewAsync("Thea Theme");
        var page = await DeviceInDarkModeAsync();
        await page.SignInAsync(customer.Email);
        // Forget what the sign-in pages noted of the device: the live page must find out by itself.
        await page.Context.ClearCookiesAsync(new() { Name = "com1-scheme" });

        await page.GotoAsync("/profile");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", Dark);
    }

    [Fact]
    public async Task Choosing_light_on_a_dark_device_is_remembered()
    {
        var page = await DeviceInDarkModeAsync();
        await page.GotoAsync("/Account/Login");
        await page.ReloadAsync();

        await page.GetByLabel("Switch to light theme").ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", Light);
        await page.ReloadAsync();

        Assert.Equal(Light, await BackgroundAsync(page));
        await Assertions.Expect(page.GetByLabel("Switch to dark theme")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("dark", Dark)]
    [InlineData("light", Light)]
    public async Task The_very_first_page_of_a_first_visit_is_in_the_devices_theme(string scheme, string background)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await page.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });

        await page.GotoAsync("/Account/Register");

        await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", background);
        Assert.Equal(scheme, await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
    }

    [Fact]
    public async Task Switching_the_theme_while_registering_keeps_what_was_typed()
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, "light");
        await page.GotoAsync("/Account/Register");
        await page.FillAsync("#register-name", "Tessa Typed");
        await page.FillAsync("#register-email", "tessa.typed@example.com");
        await page.SelectOptionAsync("#register-country", "DE");

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();

        await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", Dark);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#register-name")).ToHaveValueAsync("Tessa Typed");
        await Assertions.Expect(page.Locator("#register-email")).ToHaveValueAsync("tessa.typed@example.com");
        await Assertions.Expect(page.Locator("#register-country")).ToHaveValueAsync("DE");
        await page.ScreenshotForReviewAsync("theme-switched-register-dark");

        await page.ReloadAsync();
        Assert.Equal(Dark, await BackgroundAsync(page));
    }
}
