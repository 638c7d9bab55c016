using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>
/// The browser's own controls (checkboxes, drop-down lists, scroll bars) follow the panel's theme: a light checkbox on the
/// dark sign-in page would glare and its tick would be hard to see.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ColorSchemeAccessibilityTests(BrowserApp app, DebianChromium chromium)
{
    private static Task<string> ColorSchemeAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).colorScheme");

    [Theory]
    [InlineData("/Account/Login", "dark")]
    [InlineData("/Account/Login", "light")]
    [InlineData("/Account/Register", "dark")]
    public async Task Native_controls_on_the_sign_in_pages_follow_the_theme(string path, string theme)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, theme);

        await page.GotoAsync(path);

        Assert.Equal(theme, await ColorSchemeAsync(page));
        await page.ScreenshotForReviewAsync($"color-scheme{path.Replace('/', '-')}-{theme}");
    }

    [Fact]
    public async Task Switching_the_theme_on_a_live_page_switches_the_native_controls_too()
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, "light");
        await page.SignInAsync((await app.Customers.NewAsync("Cole Scheme")).Email);
        await page.GotoAsync("/profile");
        await page.WaitForInteractiveAsync();
        Assert.Equal("light", await ColorSchemeAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
        Assert.Equal("dark", await ColorSchemeAsync(page));
    }
}
