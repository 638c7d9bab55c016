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

        // The sign-in page is server-rendered: the switch posts a small form and the page comes back.
        await page.RunAndWaitForResponseAsync(() => page.GetByLabel("Switch to light theme").ClickAsync(),
            response => response.Request.Method == "GET" && response.Request.ResourceType == "document");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.ReloadAsync();

        Assert.Equal(Light, await BackgroundAsync(page));
        await Assertions.Expect(page.GetByLabel("Switch to dark theme")).ToBeVisibleAsync();
    }
}
