using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Messages;
using Com1ControlPanel.Infrastructure.Email;

namespace Com1ControlPanel.Tests.Features.Disclosures.Log;

/// <summary>The demo accounts tell one story: what the disclosure log says was emailed is among the customer's messages.</summary>
public sealed class DemoDisclosureNoticeTests(PanelApp app) : IClassFixture<PanelApp>
{
    [Fact]
    public async Task Every_disclosure_alice_was_told_of_by_email_is_in_her_messages_from_that_time()
    {
        await using var db = app.CreateDbContext();
        var aliceId = await db.Users.Where(u => u.Email == "alice@example.com").Select(u => u.Id).SingleAsync();
        var told = await (from notice in db.DisclosureNotices
                          join entry in db.DisclosureEntries on notice.EntryId equals entry.Id
                          join disclosure in db.Disclosures on entry.DisclosureId equals disclosure.Id
                          where notice.CustomerId == aliceId && disclosure.NoticeRule != NoticeRule.NoSeparateNotice
                          select new { disclosure.RecipientName, notice.NotifiedAt }).ToListAsync();
        using var alice = app.As(Principals.Customer(aliceId, "Alice Morgan"));

        var messages = (await alice.Get<MessagesService>().GetAsync(0)).Messages;

        Assert.NotEmpty(told);
        Assert.All(told, notice => Assert.Contains(messages, m =>
            m.Subject == "Com 1 shared some of your data" && m.Category == MessageCategory.Essential && m.Status == OutboxStatus.Sent
            && m.CreatedAt == notice.NotifiedAt && m.PanelText.Contains(notice.RecipientName, StringComparison.Ordinal)));
    }
}
