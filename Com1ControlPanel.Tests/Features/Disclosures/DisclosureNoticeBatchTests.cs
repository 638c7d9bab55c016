using System.Data.Common;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Tests.Features.Disclosures.Log;

namespace Com1ControlPanel.Tests.Features.Disclosures;

/// <summary>The notice job works through the log a thousand entries at a time; every entry is told once, whatever the batch.</summary>
public sealed class DisclosureNoticeBatchTests : ServiceTest
{
    [Fact]
    public async Task More_entries_than_one_batch_each_get_one_email_one_notification_and_one_notice()
    {
        // A whole second, which every database stores exactly (PostgreSQL keeps microseconds, .NET tenths of them).
        Kit.Clock.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerSecond - Kit.Now.Ticks % TimeSpan.TicksPerSecond));
        var customer = await Kit.CustomerAsync("many");
        await Kit.Disclosures.RecordManyAsync(customer, 1_005);
        var notices = Kit.Get<DisclosureNotices>();

        Assert.Equal(1_005, await notices.RunOnceAsync());
        Assert.Equal(0, await notices.RunOnceAsync());

        await using var db = Kit.CreateDbContext();
        Assert.Equal(1_005, await db.DisclosureNotices.CountAsync(n => n.CustomerId == customer && n.NotifiedAt == Kit.Now));
        var emails = await db.OutboxMessages.Where(m => m.RecipientUserId == customer).Select(m => m.TextBody).ToListAsync();
        // One email per recipient named: Recipient 1 to Recipient 1005, none twice, none left out.
        Assert.Equal(1_005, emails.Count);
        Assert.Equal(1_005, emails.Select(text => text!.Split("with ")[1].Split('.')[0]).Distinct().Count());
        var notifications = await db.Notifications.Where(n => n.UserId == customer).ToListAsync();
        Assert.Equal(1_005, notifications.Count);
        Assert.All(notifications, n => Assert.Equal(("New disclosure in your log", "disclosures", Kit.Now, (DateTime?)null),
            (n.Title, n.Link, n.CreatedAt, n.ReadAt)));
    }

    [Fact]
    public async Task Two_runs_racing_for_the_same_entries_tell_each_customer_once()
    {
        var customer = await Kit.CustomerAsync("raced");
        await Kit.Disclosures.RecordManyAsync(customer, 1_005);
        var notices = Kit.Get<DisclosureNotices>();

        // As two instances would: whichever writes a batch second finds its notices refused and writes nothing of it.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            try
            {
                await notices.RunOnceAsync();
            }
            catch (DbException)
            {
                // The refused run; its job would log it and try again a minute later, as the next line does.
            }
        })));
        await notices.RunOnceAsync();

        await using var db = Kit.CreateDbContext();
        Assert.Equal(1_005, await db.DisclosureNotices.CountAsync(n => n.CustomerId == customer));
        Assert.Equal(1_005, await db.OutboxMessages.CountAsync(m => m.RecipientUserId == customer));
        Assert.Equal(1_005, await db.Notifications.CountAsync(n => n.UserId == customer));
    }
}
