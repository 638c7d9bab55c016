using Com1ControlPanel.Components;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Log;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Features.Disclosures.Log;

/// <summary>
/// Alice's demo log holds a police warrant whose notice the law delays a year: invisible to her until then, and then
/// in her log, announced once by an Essential email and a panel notification.
/// </summary>
public sealed class DelayedNoticeReleaseTests(ClockedPanelApp app) : IClassFixture<ClockedPanelApp>
{
    private const string Police = "Metro Police Department";

    private async Task<string> AliceAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.Email == "alice@example.com").Select(u => u.Id).SingleAsync();
    }

    private DisclosureLogService LogOf(string customerId) =>
        new(app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>(),
            SignedIn.Customer(customerId), app.Clock);

    [Fact]
    public async Task The_warrant_appears_in_alices_log_only_when_its_delay_ends_and_she_is_told_once()
    {
        var alice = await AliceAsync();
        var log = LogOf(alice);
        var notices = app.Services.GetRequiredService<DisclosureNotices>();

        // Before the date: not in her log, its count, its chart, its export or its chain; running the job changes nothing.
        await notices.RunOnceAsync();
        var before = await LogTestData.AllPagesAsync(log);
        Assert.Equal(3, before.Count);
        Assert.DoesNotContain(before, i => i.RecipientName == Police);
        Assert.Equal(3, (await log.GetChartAsync()).Total);
        Assert.Equal(3, await (await log.ExportAsync()).Entries.CountAsync());
        Assert.Equal((true, 3), ((await log.VerifyAsync()).Intact, (await log.VerifyAsync()).TotalEntries));

        app.Clock.Advance(TimeSpan.FromDays(366));
        var released = app.Clock.GetUtcNow().UtcDateTime;
        await notices.RunOnceAsync();

        var after = await log.GetPageAsync(DisclosureFilter.None);
        var warrant = after.Items[0];
        Assert.Equal((4, Police), (warrant.Sequence, warrant.RecipientName));
        Assert.Equal(NoticeRule.DelayedUntil, warrant.Notice.Rule);
        Assert.Equal(released, warrant.Notice.NotifiedAt);
        Assert.Equal(released, warrant.AddedAt);
        var delayedUntil = warrant.Notice.DelayedUntil!.Value;
        Assert.StartsWith($"Notice of this disclosure was delayed until {delayedUntil:d MMMM yyyy}, as the law required.",
            NoticeText.Describe(warrant.Notice, ViewerTime.Utc));
        var verification = await log.VerifyAsync();
        Assert.Equal((true, 4), (verification.Intact, verification.TotalEntries));
        Assert.Equal(warrant.Hash, verification.HeadHash);

        await using (var db = app.CreateDbContext())
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
        await using var again = app.CreateDbContext();
        Assert.Equal(1, await again.OutboxMessages.CountAsync(m => m.RecipientUserId == alice && m.PanelText.Contains(Police)));
        Assert.Equal(1, await again.Notifications.CountAsync(n => n.UserId == alice && n.Text.Contains(Police)));
    }
}
