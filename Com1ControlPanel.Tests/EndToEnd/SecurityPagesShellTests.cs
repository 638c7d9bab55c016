using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>
/// "Sign-in &amp; security" is part of the panel: a signed-in customer keeps the app bar, the menu, the bell and the phone
/// drawer there as on every other page, and each page is headed by its title.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class SecurityPagesShellTests(BrowserApp app, DebianChromium chromium)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/Account/Manage", "light" }, { "/Account/Manage", "dark" },
        { "/Account/Manage/ChangePassword", "light" }, { "/Account/Manage/ChangePassword", "dark" },
        { "/Account/Manage/TwoFactorAuthentication", "light" }, { "/Account/Manage/TwoFactorAuthentication", "dark" },
        { "/Account/Manage/EnableAuthenticator", "light" }, { "/Account/Manage/EnableAuthenticator", "dark" },
        { "/Account/Manage/ResetAuthenticator", "light" }, { "/Account/Manage/ResetAuthenticator", "dark" },
        { "/Account/Manage/Passkeys", "light" }, { "/Account/Manage/Passkeys", "dark" },
        { "/Account/Manage/PersonalData", "light" }, { "/Account/Manage/PersonalData", "dark" },
        { "/Account/Manage/Privacy", "light" }, { "/Account/Manage/Privacy", "dark" },
        { "/Account/Manage/CloseAccount", "light" }, { "/Account/Manage/CloseAccount", "dark" },
    };

    private async Task<IPage> SignedInCustomerAsync(string theme, int width)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await page.SignInAsync((await app.Customers.NewAsync("Sasha Shell")).Email);
        return page;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_security_page_keeps_the_panels_menu_and_bell_and_is_headed_by_its_title(string path, string theme)
    {
        var page = await SignedInCustomerAsync(theme, 1280);

        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();

        var menu = page.Locator(".mud-drawer");
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Account data" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Notifications") })).ToBeVisibleAsync();
        Assert.Equal(1, await page.Locator("main#content").CountAsync());
        var heading = page.Locator("main h1");
        await Assertions.Expect(heading).ToHaveCountAsync(1);
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        var title = (await page.TitleAsync()).Replace(" · Com 1", "");
        await Assertions.Expect(heading).ToHaveTextAsync(title);
        await page.ScreenshotForReviewAsync($"security{path.Replace('/', '-')}-1280-{theme}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task On_a_phone_the_menu_button_opens_the_drawer_on_a_security_page(string path, string theme)
    {
        var page = await SignedInCustomerAsync(theme, 375);
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Open or close the navigation" });
        var accountData = page.Locator(".mud-drawer").GetByRole(AriaRole.Link, new() { Name = "Account data" });
        await Assertions.Expect(accountData).Not.ToBeInViewportAsync();
        await page.ScreenshotForReviewAsync($"security{path.Replace('/', '-')}-375-{theme}");

        await button.ClickAsync();

        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(accountData).ToBeInViewportAsync();
        await page.ScreenshotForReviewAsync($"security{path.Replace('/', '-')}-375-{theme}-menu");

        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(accountData).Not.ToBeInViewportAsync();
    }
}
