using Com1ControlPanel.Tests.Features.Domains;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.Features.Hostmaster;

/// <summary>
/// axe-core's WCAG 2.1 A and AA rules on the hostmaster queue (empty or not, with its dialogs) and on the customer's request
/// form with its messages, in the light theme on a desktop and the dark theme on a phone.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class HostmasterAccessibilityTests(BrowserApp app, DebianChromium chromium)
{
    [Theory]
    [InlineData("light", 1280)]
    [InlineData("dark", 375)]
    public async Task The_queue_and_its_reject_dialog_pass_wcag_aa(string theme, int width)
    {
        var (customer, domain) = await app.CustomerWithDomainAsync("Ally Access", MoveSteps.NewDomainName("axe"));
        var id = await app.RequestMoveAsync(customer, domain);
        var hostmaster = await app.NewHostmasterAsync();
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await page.SignInAsync(hostmaster.Email);
        await page.GotoAsync("/staff/hostmaster");
        await page.WaitForInteractiveAsync();
        await AccessibilityChecks.AssertNoViolationsAsync(page);

        await page.ClickAsync($"#take-{id}");
        await page.ClickAsync($"#reject-{id}");
        await page.ClickAsync("#reject-confirm");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("Say why in a few words");
        await AccessibilityChecks.AssertNoViolationsAsync(page);
        await page.ClickAsync("#reject-cancel");
        await page.ScreenshotForReviewAsync($"21-queue-in-progress-{theme}-{width}");
    }

    [Theory]
    [InlineData("light", 1280)]
    [InlineData("dark", 375)]
    public async Task The_request_form_its_messages_and_the_waiting_request_pass_wcag_aa(string theme, int width)
    {
        var (customer, domain) = await app.CustomerWithDomainAsync("Ally Access", MoveSteps.NewDomainName("axe"));
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await page.SignInAsync(customer.Email);
        await page.GotoAsync($"/domains/{domain.Name}");
        await page.WaitForInteractiveAsync();

        await page.ClickAsync("#move-start");
        await page.FillAsync("#move-email", "not an address");
        await page.ClickAsync("#move-submit");
        // The panel's own messages at every field, not the browser's bubble for the first one.
        await Assertions.Expect(page.Locator("#move-form")).ToContainTextAsync("Enter an email address such as hostmaster@example.com.");
        await Assertions.Expect(page.Locator("#move-form")).ToContainTextAsync("Enter the name of the company that becomes the Technical Contact.");
        await page.ScreenshotForReviewAsync($"22-customer-form-errors-{theme}-{width}");
        await AccessibilityChecks.AssertNoViolationsAsync(page);

        await HostmasterBrowserTests.AskAsync(page, formOpen: true);
        await page.ClickAsync("#move-submit");
        await Assertions.Expect(page.Locator("#move-cancel")).ToBeVisibleAsync();
        await AccessibilityChecks.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_empty_queue_passes_wcag_aa()
    {
        // The demo request of bob stays in the shared app's queue: an app of this test's own has an empty one.
        using var empty = PanelApp.With(new AppOptions { Served = true, Settings = new Dictionary<string, string> { ["Seeding:DemoData"] = "false" } });
        var hostmaster = await empty.NewHostmasterAsync();
        var page = await chromium.NewPageAsync(empty.BaseAddress, "dark", 375);
        await page.SignInAsync(hostmaster.Email);
        await page.GotoAsync("/staff/hostmaster");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.Locator("#queue-empty")).ToBeVisibleAsync();
        await page.ScreenshotForReviewAsync("23-queue-empty-dark-375");
        await AccessibilityChecks.AssertNoViolationsAsync(page);
    }
}
