using Com1ControlPanel.Features.Domains.ContactMoves;
using Com1ControlPanel.Tests.Features.Domains;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.Features.Hostmaster;

/// <summary>
/// A customer and a hostmaster in two real browsers: the customer asks from the domain's page, the hostmaster takes and
/// completes the request, and the customer sees the new contact, the email and the registry disclosure that verifies in
/// their log. Every test makes its own customer, domain and hostmaster.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class HostmasterBrowserTests(BrowserApp app, DebianChromium chromium)
{
    private async Task<IPage> SignedInAsync(string email, string path, string? theme = null, int? width = null)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await page.SignInAsync(email);
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
        return page;
    }

    private async Task<int> OpenMoveIdAsync(int domainId)
    {
        await using var db = app.CreateDbContext();
        return await db.TechnicalContactMoves.Where(m => m.DomainId == domainId && m.Status == MoveStatus.Open).Select(m => m.Id).SingleAsync();
    }

    /// <summary>Opens the request form (unless it is open) and fills it in for Rheinhost GmbH.</summary>
    internal static async Task AskAsync(IPage page, bool formOpen = false)
    {
        if (!formOpen)
        {
            await page.ClickAsync("#move-start");
        }
        await page.FillAsync("#move-company", "Rheinhost GmbH");
        await page.FillAsync("#move-contact", "Jana Roth");
        await page.FillAsync("#move-email", "hostmaster@rheinhost.example");
        await page.FillAsync("#move-phone", "+49 221 12345678");
        await page.FillAsync("#move-note", "Our servers move to Rheinhost in January.");
    }

    [Fact]
    public async Task The_customer_asks_the_hostmaster_completes_and_the_customer_sees_the_contact_the_email_and_the_verified_disclosure()
    {
        var (customer, domain) = await app.CustomerWithDomainAsync("Dora Browser", MoveSteps.NewDomainName("journey"));
        var hostmaster = await app.NewHostmasterAsync("Hana Browser");
        var customerPage = await SignedInAsync(customer.Email, $"/domains/{domain.Name}");
        await Assertions.Expect(customerPage.Locator("#move-intro")).ToContainTextAsync("Com 1 Communications (Com 1 Hostmaster)");

        await AskAsync(customerPage);
        await customerPage.ScreenshotForReviewAsync("01-customer-form-light-1280");
        await customerPage.ClickAsync("#move-submit");
        await Assertions.Expect(customerPage.Locator("#move-notice")).ToContainTextAsync("Your request is with Com 1's hostmaster");
        await Assertions.Expect(customerPage.Locator(".move-status")).ToHaveTextAsync("Waiting for a hostmaster");
        await customerPage.ScreenshotForReviewAsync("02-customer-waiting-light-1280");
        var id = await OpenMoveIdAsync(domain.Id);
        var hostmasterMail = await app.Mailbox.WaitForAsync("hostmaster@com1.test", $"Technical Contact move requested for {domain.Name}");
        Assert.Contains("Rheinhost GmbH (Jana Roth)", hostmasterMail.TextBody);

        var desk = await SignedInAsync(hostmaster.Email, "/staff/hostmaster");
        await Assertions.Expect(desk.Locator($"#queued-{id}")).ToContainTextAsync("Dora Browser");
        await desk.ClickAsync($"#take-{id}");
        await Assertions.Expect(desk.Locator($"#queue-in-progress #queued-{id}")).ToContainTextAsync("Taken by you");
        await desk.ScreenshotForReviewAsync("03-queue-taken-light-1280");
        await desk.ClickAsync($"#complete-{id}");
        await Assertions.Expect(desk.Locator(".mud-dialog")).ToContainTextAsync("Rheinhost GmbH becomes the Technical Contact");
        await desk.ScreenshotForReviewAsync("04-queue-confirm-complete-light-1280");
        await desk.ClickAsync(".mud-dialog button:has-text('Complete the move')");
        await Assertions.Expect(desk.Locator(".mud-snackbar", new() { HasText = "Completed: Rheinhost GmbH is now the Technical Contact" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(desk.Locator($"#queued-{id}")).ToHaveCountAsync(0);

        await customerPage.ReloadAsync();
        await customerPage.WaitForInteractiveAsync();
        await Assertions.Expect(customerPage.Locator("#contact-technical")).ToContainTextAsync("Rheinhost GmbH");
        await Assertions.Expect(customerPage.Locator($"#technical-contact-move-{id} .move-timeline"))
            .ToContainTextAsync("Completed: the Technical Contact moved · Com 1 hostmaster (Hana Browser)");
        await Assertions.Expect(customerPage.Locator("#domain-history")).ToContainTextAsync("Com 1 hostmaster (Hana Browser)");
        await customerPage.ScreenshotForReviewAsync("05-customer-completed-light-1280");
        var mail = await app.Mailbox.WaitForAsync(customer.Email, $"The Technical Contact of {domain.Name} has moved");
        Assert.Contains($"Rheinhost GmbH (Jana Roth) is now the Technical Contact of {domain.Name}", mail.TextBody);

        await customerPage.GotoAsync("/disclosures");
        await customerPage.WaitForInteractiveAsync();
        await Assertions.Expect(customerPage.Locator("#entry-1")).ToContainTextAsync("Public .example domain registry");
        await Assertions.Expect(customerPage.Locator("#entry-1")).ToContainTextAsync(domain.Name);
        await customerPage.ClickAsync("#verify-log");
        await Assertions.Expect(customerPage.Locator("#verification-result")).ToContainTextAsync("Verified 1 entry.");
        await customerPage.ScreenshotForReviewAsync("06-customer-disclosure-verified-light-1280");
    }

    [Fact]
    public async Task At_375_pixels_in_the_dark_theme_the_customer_cancels_and_the_hostmaster_rejects_with_a_reason()
    {
        var (customer, domain) = await app.CustomerWithDomainAsync("Nora Narrow", MoveSteps.NewDomainName("narrow"));
        var hostmaster = await app.NewHostmasterAsync("Hugo Narrow");
        var customerPage = await SignedInAsync(customer.Email, $"/domains/{domain.Name}", "dark", 375);

        await AskAsync(customerPage);
        await customerPage.ScreenshotForReviewAsync("11-customer-form-dark-375");
        await customerPage.ClickAsync("#move-submit");
        await customerPage.ClickAsync("#move-cancel");
        await customerPage.ScreenshotForReviewAsync("12-customer-confirm-cancel-dark-375");
        await customerPage.ClickAsync(".mud-dialog button:has-text('Cancel the request')");
        await Assertions.Expect(customerPage.Locator(".move-status")).ToHaveTextAsync("Cancelled");

        await AskAsync(customerPage);
        await customerPage.ClickAsync("#move-submit");
        await Assertions.Expect(customerPage.Locator("#move-cancel")).ToBeVisibleAsync();
        var id = await OpenMoveIdAsync(domain.Id);
        var desk = await SignedInAsync(hostmaster.Email, "/staff/hostmaster", "dark", 375);
        await desk.ScreenshotForReviewAsync("13-queue-dark-375");
        await desk.ClickAsync($"#take-{id}");
        await desk.ClickAsync($"#reject-{id}");
        await desk.FillAsync("#reject-reason", "Rheinhost GmbH is not accredited with the .example registry yet.");
        await desk.ScreenshotForReviewAsync("14-queue-reject-dark-375");
        await desk.ClickAsync("#reject-confirm");
        await Assertions.Expect(desk.Locator(".mud-snackbar", new() { HasText = "The request is rejected." })).ToBeVisibleAsync();

        await customerPage.ReloadAsync();
        await customerPage.WaitForInteractiveAsync();
        var rejected = customerPage.Locator($"#technical-contact-move-{id}");
        await Assertions.Expect(rejected).ToContainTextAsync("Reason: Rheinhost GmbH is not accredited with the .example registry yet.");
        await Assertions.Expect(customerPage.Locator("#move-start")).ToBeVisibleAsync();
        await customerPage.ScreenshotForReviewAsync("15-customer-rejected-dark-375");
        // Nothing in the page is wider than the phone's screen.
        Assert.True(await customerPage.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.True(await desk.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
    }

    [Fact]
    public async Task Keyboard_alone_takes_a_request_in_the_queue()
    {
        var (customer, domain) = await app.CustomerWithDomainAsync("Kay Board", MoveSteps.NewDomainName("keys"));
        var id = await app.RequestMoveAsync(customer, domain);
        var hostmaster = await app.NewHostmasterAsync("Hana Keys");
        var desk = await SignedInAsync(hostmaster.Email, "/staff/hostmaster");

        await desk.FocusAsync($"#take-{id}");
        await desk.Keyboard.PressAsync("Enter");

        await Assertions.Expect(desk.Locator($"#complete-{id}")).ToBeVisibleAsync();
        await desk.FocusAsync($"#complete-{id}");
        await desk.Keyboard.PressAsync("Enter");
        await Assertions.Expect(desk.Locator(".mud-dialog")).ToBeVisibleAsync();
        // The question takes the keyboard's focus, so Escape reaches it.
        await Assertions.Expect(desk.Locator(".mud-dialog-container:focus-within")).ToHaveCountAsync(1);
        await desk.Keyboard.PressAsync("Escape");
        await Assertions.Expect(desk.Locator(".mud-dialog")).ToHaveCountAsync(0);
        Assert.Null(await app.TechnicalContactAsync(domain.Id));
    }
}
