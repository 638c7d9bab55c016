using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Jobs;
using Hangfire;
using Hangfire.Common;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Disclosures;

/// <summary>
/// Tells customers about disclosures: releases entries whose legally required silence has ended into their logs, and
/// announces every new entry that needs notice with an Essential email and a panel notification, once.
/// </summary>
public sealed class DisclosureNotices(
    IDbContextFactory<AppDbContext> dbFactory,
    DisclosureLedger ledger,
    Outbox outbox,
    DisclosureNoticeSignal signal,
    TimeProvider time,
    ILogger<DisclosureNotices> logger)
{
    private const int BatchSize = 1000;

    /// <summary>
    /// The job, every minute and whenever a disclosure has been written (<see cref="DisclosureNoticeSignal"/>). Runs take
    /// turns across instances; one that fails is not retried, as the next minute's run does its work.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
    [JobDisplayName("Tell customers of new disclosure entries")]
    public Task RunAsync(CancellationToken cancellationToken)
    {
        // Inside the turn: disclosures written from now on queue a run of their own.
        signal.Started();
        return RunOnceAsync(cancellationToken);
    }

    /// <summary>Releases what is due and sends what is owed; returns how many customers were told.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await ReleaseDueAsync(cancellationToken);
        var told = 0;
        // Each batch goes on after the last entry of the one before, so a run reads the log once rather than once a batch.
        var after = 0L;
        int sent;
        do
        {
            (sent, after) = await NotifyBatchAsync(after, cancellationToken);
            told += sent;
        }
        while (sent == BatchSize);
        return told;
    }

    private async Task ReleaseDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        while (true)
        {
            var released = await ledger.ExclusiveAsync(async () =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var due = await db.PendingDisclosureEntries.Where(p => p.ReleaseAt <= now)
                    .OrderBy(p => p.Id).Take(BatchSize).ToListAsync(cancellationToken);
                foreach (var group in due.GroupBy(p => p.DisclosureId))
                {
                    var disclosure = await db.Disclosures.AsNoTracking().SingleAsync(d => d.Id == group.Key, cancellationToken);
                    await ledger.AppendAsync(db, disclosure, [.. group.Select(p => p.CustomerId)], cancellationToken);
                }
                db.PendingDisclosureEntries.RemoveRange(due);
                await db.SaveChangesAsync(cancellationToken);
                return due.Count;
            }, cancellationToken);
            if (released > 0)
            {
                logger.LogInformation("Released {Count} disclosure entries whose notice delay has ended", released);
            }
            if (released < BatchSize)
            {
                return;
            }
        }
    }

    /// <summary>The Essential email that tells a customer of an entry in their log (also the demo data's, so they match).</summary>
    public static OutboundEmail Email(string customerId, string address, string displayName, string recipientName, string delayed = "") =>
        new(customerId, address, "Com 1 shared some of your data",
            EmailTemplate.Compose(displayName,
                [$"We have shared some of your data with {recipientName}.{delayed}",
                 "Your control panel shows what was shared, why and when, under Disclosures."]),
            MessageCategory.Essential,
            $"We told you that we shared some of your data with {recipientName}.{delayed}");

    /// <summary>Tells the customers of up to <see cref="BatchSize"/> entries after <paramref name="after"/>; returns how many and the last entry.</summary>
    private async Task<(int Told, long Last)> NotifyBatchAsync(long after, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owed = await (from entry in db.DisclosureEntries
                          join disclosure in db.Disclosures on entry.DisclosureId equals disclosure.Id
                          join user in db.Users on entry.CustomerId equals user.Id
                          where entry.Id > after
                                && disclosure.NoticeRule != NoticeRule.NoSeparateNotice
                                && !db.DisclosureNotices.Any(n => n.EntryId == entry.Id)
                          orderby entry.Id
                          select new { entry.Id, entry.CustomerId, user.Email, user.DisplayName, disclosure.RecipientName, disclosure.NoticeRule })
            .Take(BatchSize).ToListAsync(cancellationToken);
        if (owed.Count == 0)
        {
            return (0, after);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var emails = new List<OutboxMessage>(owed.Count);
        var notifications = new List<Notification>(owed.Count);
        var notices = new List<DisclosureNotice>(owed.Count);
        foreach (var item in owed)
        {
            var delayed = item.NoticeRule == NoticeRule.DelayedUntil
                ? " The law required us to wait before telling you; that time has now passed." : "";
            emails.Add(outbox.Message(Email(item.CustomerId, item.Email!, item.DisplayName, item.RecipientName, delayed)));
            notifications.Add(new Notification
            {
                UserId = item.CustomerId, Title = "New disclosure in your log", Link = "disclosures", CreatedAt = now,
                Text = $"Com 1 shared some of your data with {item.RecipientName}.{delayed}",
            });
            notices.Add(new DisclosureNotice { EntryId = item.Id, CustomerId = item.CustomerId, NotifiedAt = now });
        }
        // Email, notification and the notice that says both were sent commit together: a customer is told once or not at
        // all (a second run racing this one fails on the notice's key and writes nothing). Written as prepared
        // statements, not tracked entities: SaveChanges spent 14 of the 18 seconds 100,000 notices took.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await PreparedSave.InsertAsync(db, emails, cancellationToken);
            await PreparedSave.InsertAsync(db, notifications, cancellationToken);
            await PreparedSave.InsertAsync(db, notices, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        outbox.NotifySaved();
        logger.LogInformation("Told {Count} customers about new disclosure entries", owed.Count);
        return (owed.Count, owed[^1].Id);
    }
}

/// <summary>
/// Queues a run of <see cref="DisclosureNotices"/> as soon as a disclosure has been written, rather than at the next
/// minute; one run for every disclosure written before it starts (see <see cref="QueuedRun"/>).
/// </summary>
public sealed class DisclosureNoticeSignal(IBackgroundJobClient? jobs = null, TimeProvider? time = null)
    : QueuedRun(jobs, time, Job.FromExpression<DisclosureNotices>(n => n.RunAsync(CancellationToken.None)));
