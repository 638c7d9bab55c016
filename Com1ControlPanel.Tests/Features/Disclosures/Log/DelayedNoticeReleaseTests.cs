using Com1ControlPanel.Components;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Log;
using Com1ControlPanel.Infrastructure.Email;
using static Com1ControlPanel.Tests.Features.Disclosures.Log.LogTestData;

namespace Com1ControlPanel.Tests.Features.Disclosures.Log;

/// <summary>
/// A police warrant whose notice the law delays a year: invisible to the customer until then, and then in their log,
/// announced once by an Essential email and a panel notification. The notice job is run by hand, as its loop would.
/// </summary>
public sealed class DelayedNoticeReleaseTests : ServiceTest
{
    private const string Police = "Metro Police Department";

    [Fact]
    public async Task The_warrant_appears_in_the_log_only_when_its_delay_ends_and_the_customer_is_told_once()
    {
        var alice = await Kit.CustomerAsync("alice");
        await Kit.Disclosures.RecordManyAsync(alice, 3);
        var warrant = await Kit.Disclosures.RecordPendingAsync(alice, Police, releaseAt: Kit.Now.AddYears(1));
        var log = Kit.LogOf(alice);
        var notices = Kit.Get<DisclosureNotices>();

        // Before the date: not in her log, its count, its chart, its export or its chain; running the job changes nothing.
        await notices.RunOnceAsync();
        var before = await AllPagesAsync(log);
        Assert.Equal(3, before.Count);
        Assert.DoesNotContain(before, i => i.RecipientName == Police);
        Assert.Equal(3, (await log.GetChartAsync()).Total);
        Assert.Equal(3, await (await log.ExportAsync()).Entries.CountAsync());
        Assert.Equal((true, 3), ((await log.VerifyAsync()).Intact, (await log.VerifyAsync()).TotalEntries));

        Kit.Clock.Advance(TimeSpan.FromDays(366));
        var released = Kit.Now;
        await notices.RunOnceAsync();

        var newest = (await log.GetPageAsync(DisclosureFilter.None)).Items[0];
        Assert.Equal((4, Police, warrant.Id), (newest.Sequence, newest.RecipientName, newest.DisclosureId));
        Assert.Equal(NoticeRule.DelayedUntil, newest.Notice.Rule);
        Assert.Equal(released, newest.Notice.NotifiedAt);
        Assert.Equal(released, newest.AddedAt);
        Assert.StartsWith($"Notice of this disclosure was delayed until {warrant.NoticeDelayedUntil:d MMMM yyyy}, as the law required.",
            NoticeText.Describe(newest.Notice, ViewerTime.Utc));
        var verification = await log.VerifyAsync();
        Assert.Equal((true, 4), (verification.Intact, verification.TotalEntries));
        Assert.Equal(newest.Hash, verification.HeadHash);

        await using (var db = Kit.CreateDbContext())
        {
            var email = await db.OutboxMessages.SingleAsync(m => m.RecipientUserId == alice && m.PanelText.Contains(Police));
            Assert.Equal(MessageCategory.Essential, email.Category);
            Assert.Equal("Com 1 shared some of your data", email.Subject);
            var notification = await db.Notifications.SingleAsync(n => n.UserId == alice && n.Text.Contains(Police));
            Assert.Equal(("disclosures", (DateTime?)null), (notification.Link, notification.ReadAt));
            Assert.Contains("The law required us to wait before telling you", notification.Text);
        }

        // Running again tells her nothing new.
        await notices.RunOnceAsync();
        await using var again = Kit.CreateDbContext();
        Assert.Equal(1, await again.OutboxMessages.CountAsync(m => m.RecipientUserId == alice && m.PanelText.Contains(Police)));
        Assert.Equal(1, await again.Notifications.CountAsync(n => n.UserId == alice && n.Text.Contains(Police)));
    }
}
