using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Notifications;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.Features.Disclosures.Log;

/// <summary>axe-core's WCAG 2.1 A and AA rules on a disclosure log like alice's, its detail dialog and verification, and the bell.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class DisclosuresAccessibilityTests(BrowserApp app, DebianChromium chromium)
{
    private async Task<IPage> SignedInAsync(TestCustomer customer, string theme, int width = 1280)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await page.SignInAsync(customer.Email);
        return page;
    }

    [Theory]
    [InlineData("light", 1280)]
    [InlineData("dark", 375)]
    public async Task The_log_its_detail_and_its_verification_pass_wcag_aa(string theme, int width)
    {
        var customer = await app.Customers.NewAsync("Lena Log");
        await app.Disclosures.RecordAsync(TestDisclosures.NewDisclosure("Public .example domain registry", RecipientCategory.DomainRegistry,
            notice: NoticeRule.NoSeparateNotice, occurredAt: new DateTime(2019, 3, 15, 10, 0, 0, DateTimeKind.Utc)), customer.Id);
        await app.Disclosures.RecordAsync(TestDisclosures.NewDisclosure("Nexa Web Partners Ltd", RecipientCategory.Partner, DisclosureGround.PartnerProgramme,
            occurredAt: new DateTime(2025, 3, 10, 9, 30, 0, DateTimeKind.Utc)), customer.Id);
        await app.Disclosures.RecordAsync(TestDisclosures.NewDisclosure("Superior Court of California, County of San Francisco",
            RecipientCategory.CourtOrLegalProcess, DisclosureGround.LegalRequirement,
            occurredAt: new DateTime(2025, 6, 2, 14, 0, 0, DateTimeKind.Utc)), customer.Id);
        var page = await SignedInAsync(customer, theme, width);
        await page.GotoAsync("/disclosures");
        await page.WaitForInteractiveAsync();
        await AccessibilityChecks.AssertNoViolationsAsync(page);

        await page.ClickAsync("#verify-log");
        await page.Locator("#verification-result").WaitForAsync();
        Assert.Contains("Verified 3 entries.", await page.Locator("#verification-result").InnerTextAsync());
        await page.ClickAsync("#entry-3 button");
        await page.Locator("#disclosure-detail").WaitForAsync();
        await AccessibilityChecks.AssertNoViolationsAsync(page);
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_open_bell_passes_wcag_aa(string theme)
    {
        var customer = await app.Customers.NewAsync("Bea Bell");
        await using (var db = app.CreateDbContext())
        {
            NotificationService.Add(db, customer.Id, "New disclosure in your log", "Com 1 shared some of your data with Nexa.", "disclosures", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }
        var page = await SignedInAsync(customer, theme);
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();

        var bell = page.Locator("#notification-bell button");
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread");
        await bell.ClickAsync();
        await page.Locator("#mark-all-read").WaitForAsync();
        await AccessibilityChecks.AssertNoViolationsAsync(page);
    }
}
