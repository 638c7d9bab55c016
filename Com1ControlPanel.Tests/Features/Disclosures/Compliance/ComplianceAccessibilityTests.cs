using Com1ControlPanel.Infrastructure.Security;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>
/// axe-core's WCAG 2.1 A and AA rules on the disclosure register: the form, its messages and count, and the confirmation.
/// An officer and a customer of the test's own; the disclosure is reviewed, never recorded.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ComplianceAccessibilityTests(BrowserApp app, DebianChromium chromium)
{
    [Theory]
    [InlineData("light", 1280)]
    [InlineData("dark", 375)]
    public async Task The_register_its_messages_count_and_confirmation_pass_wcag_aa(string theme, int width)
    {
        var officer = await app.Staff.NewAsync(Roles.ComplianceOfficer);
        var customer = await app.Customers.NewAsync("Rhea Registrant");
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await page.SignInAsync(officer.Email);
        await page.GotoAsync("/compliance/disclosures");
        await page.WaitForInteractiveAsync();
        await AccessibilityChecks.AssertNoViolationsAsync(page);

        await page.CheckAsync("#audience-EmailList");
        await page.FillAsync("#audience-emails", $"{customer.Email}\nnobody@example.com");
        // The count appears above the button: wait for it, so the click is not lost to the page moving.
        await Assertions.Expect(page.Locator("#reach-not-found")).ToHaveTextAsync("1 address matches no customer.");
        await page.ClickAsync("#disclosure-review");
        await Assertions.Expect(page.Locator("#disclosure-problem")).ToBeVisibleAsync();
        await AccessibilityChecks.AssertNoViolationsAsync(page);

        await page.FillAsync("#recipient-name", "Public .example domain registry");
        await page.ClickAsync("#recipient-category");
        await page.GetByRole(AriaRole.Option, new() { Name = "Domain registry" }).ClickAsync();
        await page.ClickAsync("#data-categories");
        await page.GetByRole(AriaRole.Option, new() { Name = "Domain registration data" }).ClickAsync();
        await RegisterActions.CloseListAsync(page);
        await page.ClickAsync("#ground");
        await page.GetByRole(AriaRole.Option, new() { Name = "Necessary to provide the service" }).ClickAsync();
        await page.FillAsync("#description", "Registration data of your domain, published in the public registry.");
        await page.FillAsync("#occurred-date", DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd"));
        await RegisterActions.CloseListAsync(page);
        await page.CheckAsync("#notice-NoSeparateNotice");
        await Assertions.Expect(page.Locator("#reach-count")).ToHaveTextAsync("1 customer");
        await page.ClickAsync("#disclosure-review");
        await Assertions.Expect(page.Locator("#confirm-reach")).ToHaveTextAsync("1 customer");
        await AccessibilityChecks.AssertNoViolationsAsync(page);
        await page.ClickAsync("#disclosure-cancel");
    }
}
