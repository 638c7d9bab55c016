using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>Leaving Account data with changes not saved asks first, inside the panel and when the tab closes.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class UnsavedProfileTests(BrowserApp app, DebianChromium chromium)
{
    private async Task<IPage> ProfileAsync(string? theme = null, int? width = null)
    {
        var customer = await app.Customers.NewAsync("Ursula Unsaved");
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await page.SignInAsync(customer.Email);
        await page.GotoAsync("/profile");
        await page.WaitForInteractiveAsync();
        return page;
    }

    [Fact]
    public async Task Following_a_link_with_unsaved_changes_asks_and_staying_keeps_what_was_typed()
    {
        var page = await ProfileAsync();
        await page.FillAsync("#profile-city", "Oakland");

        await page.Locator("a[href='messages']").First.ClickAsync();

        var question = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(question).ToContainTextAsync("Leave without saving?");
        await page.ScreenshotForReviewAsync("unsaved-profile-question-light-1280");
        await question.GetByRole(AriaRole.Button, new() { Name = "Stay on this page" }).ClickAsync();
        // The first question is gone before the link is followed again, so the second answer goes to the second question.
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        Assert.Equal("/profile", page.Path());
        Assert.Equal("Oakland", await page.InputValueAsync("#profile-city"));

        await page.Locator("a[href='messages']").First.ClickAsync();
        var again = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(again).ToContainTextAsync("Leave without saving?");
        await again.GetByRole(AriaRole.Button, new() { Name = "Leave without saving" }).ClickAsync();
        await page.WaitForPathAsync("/messages");
    }

    [Fact]
    public async Task Without_changes_a_link_leaves_at_once()
    {
        var page = await ProfileAsync();
        // As a person does, once the form is there: a click in the moment the page's guard is still being set up can be
        // lost between the browser and the server, and the page then stays where it is.
        await Assertions.Expect(page.Locator("#profile-city")).ToBeVisibleAsync();

        await page.Locator("a[href='messages']").First.ClickAsync();

        await page.WaitForPathAsync("/messages");
    }

    [Fact]
    public async Task Closing_the_tab_with_unsaved_changes_asks_the_browser_to_confirm()
    {
        var page = await ProfileAsync();
        // Typed as a person types: a browser asks before unloading only a page the person has interacted with.
        await page.ClickAsync("#profile-city");
        await page.Locator("#profile-city").PressSequentiallyAsync(" Heights");
        // The live page tells the browser to ask once the change has reached the server and come back.
        await page.WaitForTimeoutAsync(1500);
        var asked = new TaskCompletionSource<string>();
        page.Dialog += (_, dialog) =>
        {
            asked.TrySetResult(dialog.Type);
            _ = dialog.DismissAsync();
        };

        await page.CloseAsync(new() { RunBeforeUnload = true });

        Assert.Equal("beforeunload", await asked.Task.WaitAsync(TimeSpan.FromSeconds(15)));
    }

    [Theory]
    [InlineData("dark", 375)]
    [InlineData("light", 375)]
    [InlineData("dark", 1280)]
    public async Task The_question_reads_well_in_both_themes_and_on_a_phone(string theme, int width)
    {
        var page = await ProfileAsync(theme, width);
        await page.FillAsync("#profile-city", "Oakland");

        await page.EvaluateAsync("() => document.querySelector(\"a[href='messages']\").click()");

        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Your changes to your account data are not saved yet.");
        await page.ScreenshotForReviewAsync($"unsaved-profile-question-{theme}-{width}");
    }
}
