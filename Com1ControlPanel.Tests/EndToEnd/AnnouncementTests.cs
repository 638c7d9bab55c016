using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>The announcements page in the browser, as an administrator of each test's own.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class AnnouncementTests(BrowserApp app, DebianChromium chromium)
{
    private static readonly ConsentKey PartnerOffersByEmail = new(MarketingPurpose.PartnerOffers, ContactChannel.Email);

    private async Task<IPage> AnnouncementsPageAsync(string? theme = null)
    {
        var admin = await app.Staff.NewAsync(Roles.Admin);
        var page = await chromium.NewPageAsync(app.BaseAddress, theme);
        await page.SignInAsync(admin.Email);
        await page.GotoAsync("/admin/announcements");
        await page.WaitForInteractiveAsync();
        return page;
    }

    /// <summary>The outbox rows of this announcement to one customer, once none of them is still waiting for delivery.</summary>
    private Task<List<OutboxMessage>> SettledMessagesAsync(string customerId, string subject) =>
        Eventually.ReadUntilAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.OutboxMessages.AsNoTracking()
                .Where(m => m.RecipientUserId == customerId && m.Subject == subject)
                .ToListAsync();
        }, rows => rows.All(m => m.Status != OutboxStatus.Pending), TimeSpan.FromSeconds(20));

    [Fact]
    public async Task A_customer_who_turned_partner_offers_off_gets_no_announcement_while_an_opted_in_customer_does()
    {
        // Olive turns offers from partners by email off, as the preferences page does: through the consent ledger.
        var optedOut = await app.Customers.NewAsync("Olive Optout", refuses: [PartnerOffersByEmail]);
        var optedIn = await app.Customers.NewAsync("Ivan Optin");
        var subject = $"Partner offer {Guid.NewGuid():N}"[..22];

        var page = await AnnouncementsPageAsync();
        await page.ClickAsync("#announcement-topic");
        await page.GetByRole(AriaRole.Option, new() { Name = MarketingPurpose.PartnerOffers.Label() }).ClickAsync();
        await Assertions.Expect(page.Locator("#announcement-reach")).ToContainTextAsync("Will reach");
        await page.FillAsync("#announcement-subject", subject);
        await page.FillAsync("#announcement-body", "Our hosting partner offers 20% off backups this month.\n\nReply to ask how.");
        await page.ClickAsync("#announcement-send");
        await page.ClickAsync("#announcement-confirm");

        var row = page.Locator("#announcements tr", new() { HasText = subject });
        await Assertions.Expect(row.Locator(".announcement-progress")).ToHaveAttributeAsync("data-status", "Sent");

        var olives = await SettledMessagesAsync(optedOut.Id, subject);
        Assert.All(olives, m => Assert.Equal(OutboxStatus.Suppressed, m.Status));
        Assert.Empty(app.Mailbox.MessagesTo(optedOut.Email, subject));

        var ivans = Assert.Single(await SettledMessagesAsync(optedIn.Id, subject));
        Assert.Equal((MessageCategory.Marketing, OutboxStatus.Sent, "PartnerOffers"), (ivans.Category, ivans.Status, ivans.Topic));
        var delivered = await app.Mailbox.WaitForAsync(optedIn.Email, subject);
        Assert.Equal($"<{ivans.UnsubscribeUrl}>", delivered.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", delivered.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(ivans.UnsubscribeUrl!, delivered.TextBody);
        var link = app.Get<UnsubscribeLinks>().Read(new Uri(ivans.UnsubscribeUrl!).Segments[^1]);
        Assert.Equal(new UnsubscribeRequest(ivans.Id, optedIn.Id, PartnerOffersByEmail), link);
    }

    [Fact]
    public async Task An_admin_downloads_a_call_list_from_the_page_as_a_csv_file()
    {
        var page = await AnnouncementsPageAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#list-PartnerOffers-Phone"));

        Assert.StartsWith("com1-partner-offers-call-list-", download.SuggestedFilename);
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var header = File.ReadLines(await download.PathAsync()).First();
        Assert.Equal("Customer number,Name,Company,Phone,Mobile phone,Country", header);
        Assert.Equal("/admin/announcements", page.Path());
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_announcements_page_passes_wcag_aa_with_the_confirmation_open(string theme)
    {
        var page = await AnnouncementsPageAsync(theme);
        await AccessibilityChecks.AssertNoViolationsAsync(page);

        await page.ClickAsync("#announcement-topic");
        await page.GetByRole(AriaRole.Option, new() { Name = MarketingPurpose.ComProducts.Label() }).ClickAsync();
        await Assertions.Expect(page.Locator("#announcement-reach")).ToContainTextAsync("Will reach");
        await page.FillAsync("#announcement-subject", "Accessibility check");
        await page.FillAsync("#announcement-body", "Not sent.");
        await page.ClickAsync("#announcement-send");
        await Assertions.Expect(page.Locator("#announcement-cancel")).ToBeVisibleAsync();
        await AccessibilityChecks.AssertNoViolationsAsync(page);
        await page.ClickAsync("#announcement-cancel");
    }
}
