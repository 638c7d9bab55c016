using Com1ControlPanel.Infrastructure.Security;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.Features.BillingDesk;

/// <summary>
/// Billing staff and a customer in two real browsers: what billing does at the desk is what the customer sees in their
/// history, their mailbox and the banner. Every test makes its own customer and its own member of billing staff.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class BillingDeskBrowserTests(BrowserApp app, DebianChromium chromium)
{
    private async Task<(string Id, string Email, string Name)> CustomerAsync(string first)
    {
        // A name no other test uses, so the desk's search finds this customer alone.
        var customer = await app.Customers.NewAsync($"{first} Q{Guid.NewGuid():N}"[..(first.Length + 9)]);
        return (customer.Id, customer.Email, customer.FullName);
    }

    private async Task<IPage> BillingStaffAsync(string name)
    {
        var staff = await app.Staff.NewAsync(Roles.Billing, name);
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(staff.Email);
        return page;
    }

    private static async Task OpenRecordAsync(IPage staff, string customerName)
    {
        await staff.GotoAsync("/staff/billing");
        await staff.WaitForInteractiveAsync();
        await staff.FillAsync("#billing-search", customerName);
        await staff.ClickAsync($"a[aria-label='Open record: {customerName}']");
        await staff.WaitForInteractiveAsync();
        await staff.Locator("#billing-save").WaitForAsync();
    }

    private static async Task ChooseAsync(IPage page, string inputId, string text)
    {
        await page.Locator(".mud-input-control.mud-select", new() { Has = page.Locator($"#{inputId}") }).ClickAsync();
        await page.ClickAsync($".mud-popover-open .mud-list-item:has-text('{text}')");
    }

    private async Task<IPage> CustomerPageAsync(string email, string path)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(email);
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
        return page;
    }

    [Fact]
    public async Task Billing_changes_an_address_for_a_customer_who_phoned_and_the_customer_sees_it_and_gets_the_email()
    {
        var (_, email, name) = await CustomerAsync("Bobby");
        var staff = await BillingStaffAsync("Sam Browser");
        await OpenRecordAsync(staff, name);

        await staff.FillAsync("#billing-street", "Hauptstraße 12");
        await staff.FillAsync("#billing-city", "Oakland");
        await staff.FillAsync("#billing-postalcode", "94607");
        await ChooseAsync(staff, "billing-reason", "Phone call");
        await staff.FillAsync("#billing-reference", "T-2026-118");
        await staff.ClickAsync("#billing-save");
        await Assertions.Expect(staff.Locator("#billing-history tr", new() { HasText = "Street" }))
            .ToContainTextAsync("Com 1 billing (Sam Browser) on the customer's behalf");

        var customer = await CustomerPageAsync(email, "/profile");
        var row = customer.Locator("#recent-changes tr", new() { HasText = "Street" });
        await Assertions.Expect(row).ToContainTextAsync("Hauptstraße 12");
        await Assertions.Expect(row).ToContainTextAsync("Com 1 billing (Sam Browser) on your behalf");
        await Assertions.Expect(row).ToContainTextAsync("Reason: Phone call");
        await Assertions.Expect(row).ToContainTextAsync("Reference: T-2026-118");
        await Assertions.Expect(customer.Locator("#profile-street")).ToHaveValueAsync("Hauptstraße 12");

        var mail = await app.Mailbox.WaitForAsync(email, "Com 1 billing changed your account data");
        Assert.Contains("Street: Hauptstraße 12", mail.TextBody);
        Assert.Contains("City: Oakland", mail.TextBody);
        Assert.Contains("Postal code: 94607", mail.TextBody);
    }

    [Fact]
    public async Task Suspending_shows_the_customer_the_banner_and_reactivating_takes_it_away()
    {
        var (_, email, name) = await CustomerAsync("Suzy");
        var customer = await CustomerPageAsync(email, "/profile");
        await Assertions.Expect(customer.Locator("#suspension-banner")).ToHaveCountAsync(0);
        var staff = await BillingStaffAsync("Sam Browser");
        await OpenRecordAsync(staff, name);

        await staff.ClickAsync("#billing-suspend");
        await ChooseAsync(staff, "status-reason", "Invoice overdue");
        await staff.FillAsync("#status-message", "Invoice 2026-1187 is still open.");
        await staff.ClickAsync("#status-confirm");
        await staff.Locator("#billing-reactivate").WaitForAsync();

        // The open page shows it at once; a new page load shows it too.
        var banner = customer.Locator("#suspension-banner");
        await Assertions.Expect(banner).ToContainTextAsync("An invoice is overdue. Invoice 2026-1187 is still open.");
        await customer.GotoAsync("/messages");
        await Assertions.Expect(banner).ToContainTextAsync("Update your payment card");
        await Assertions.Expect(customer.Locator("#suspension-action")).ToHaveAttributeAsync("href", "billing");

        await staff.ClickAsync("#billing-reactivate");
        await ChooseAsync(staff, "status-reason", "Payment received");
        await staff.ClickAsync("#status-confirm");
        await staff.Locator("#billing-suspend").WaitForAsync();

        await Assertions.Expect(banner).ToHaveCountAsync(0);
        await customer.GotoAsync("/profile");
        await customer.WaitForInteractiveAsync();
        await Assertions.Expect(banner).ToHaveCountAsync(0);
        await Assertions.Expect(customer.Locator("#recent-changes tr", new() { HasText = "Payment" }))
            .ToContainTextAsync("Com 1 billing (Sam Browser)");
    }

    [Theory]
    [InlineData("light", 1280)]
    [InlineData("dark", 375)]
    public async Task The_desk_the_record_the_suspend_dialog_and_the_customers_banner_pass_the_accessibility_checks(string theme, int width)
    {
        var (_, email, name) = await CustomerAsync("Ally");
        var staff = await app.Staff.NewAsync(Roles.Billing, "Sam Browser");
        var desk = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await desk.SignInAsync(staff.Email);
        await desk.GotoAsync("/staff/billing");
        await desk.WaitForInteractiveAsync();
        await desk.FillAsync("#billing-search", name);
        await desk.Locator("#billing-results").WaitForAsync();
        await AccessibilityChecks.AssertNoViolationsAsync(desk);
        await desk.ScreenshotForReviewAsync($"billing-desk-{width}-{theme}");

        await OpenRecordAsync(desk, name);
        await desk.ClickAsync("#billing-address-same");
        await desk.Locator("#billing-address-street").WaitForAsync();
        await AccessibilityChecks.AssertNoViolationsAsync(desk);
        await desk.ScreenshotForReviewAsync($"billing-record-{width}-{theme}");

        await desk.ClickAsync("#billing-suspend");
        await ChooseAsync(desk, "status-reason", "Card payment declined");
        await AccessibilityChecks.AssertNoViolationsAsync(desk);
        await desk.ScreenshotForReviewAsync($"billing-suspend-{width}-{theme}");
        await desk.ClickAsync("#status-confirm");
        await desk.Locator("#billing-reactivate").WaitForAsync();

        var customer = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await customer.SignInAsync(email);
        await customer.GotoAsync("/");
        await customer.WaitForInteractiveAsync();
        await Assertions.Expect(customer.Locator("#suspension-banner")).ToBeVisibleAsync();
        await AccessibilityChecks.AssertNoViolationsAsync(customer);
        await customer.ScreenshotForReviewAsync($"billing-banner-{width}-{theme}");
    }
}
