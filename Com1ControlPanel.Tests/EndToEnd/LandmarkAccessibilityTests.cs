using Com1ControlPanel.Infrastructure.Security;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>
/// Every page has one main landmark, and a keyboard user skips the app bar and the menu with the first Tab: "Skip to
/// content" shows when focused and Enter puts the focus at the start of the page's content (WCAG 2.4.1, 1.3.1).
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class LandmarkAccessibilityTests(BrowserApp app, DebianChromium chromium)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/Account/Login", "anonymous" }, { "/Account/Register", "anonymous" }, { "/privacy", "anonymous" },
        { "/cookies", "anonymous" }, { "/not-found", "anonymous" },
        { "/", "customer" }, { "/profile", "customer" }, { "/preferences", "customer" }, { "/messages", "customer" },
        { "/Account/Manage", "customer" }, { "/Account/Manage/ChangePassword", "customer" },
        { "/Account/Manage/CloseAccount", "customer" }, { "/billing", "customer" }, { "/domains", "customer" },
        { "/disclosures", "customer" }, { "/Account/Manage/Privacy", "customer" },
        { "/staff/billing", Roles.Billing }, { "/staff/hostmaster", Roles.Hostmaster }, { "/admin/policies", Roles.Admin }, { "/compliance/disclosures", Roles.ComplianceOfficer },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_first_tab_skips_to_the_one_main_landmark(string path, string who)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, "light");
        if (who == "customer")
        {
            await page.SignInAsync((await app.Customers.NewAsync("Liam Landmark")).Email);
        }
        else if (who != "anonymous")
        {
            await page.SignInAsync((await app.Staff.NewAsync(who)).Email);
        }
        await page.GotoAsync(path);
        if (await page.Locator("[data-interactive]").CountAsync() > 0)
        {
            await page.WaitForInteractiveAsync();
        }

        Assert.Equal(1, await page.Locator("main, [role=main]").CountAsync());

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator(":focus");
        await Assertions.Expect(skip).ToHaveTextAsync("Skip to content");
        var box = await skip.BoundingBoxAsync();
        Assert.True(box is { Width: > 20, Height: > 10, X: >= 0, Y: >= 0 }, $"the focused skip link is not on screen: {box?.X},{box?.Y} {box?.Width}x{box?.Height}");
        await page.ScreenshotForReviewAsync($"skip-link{path.Replace('/', '-')}");

        await page.Keyboard.PressAsync("Enter");

        Assert.True(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('main, [role=main]')"),
            "Enter on the skip link did not move the focus into the main content");
        Assert.Equal(path, page.Path());
        // The next Tab continues in the content, not in the app bar.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => !document.activeElement.closest('header, .mud-appbar, .mud-drawer')"),
            "the Tab after skipping went back to the app bar or the menu");
    }

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
