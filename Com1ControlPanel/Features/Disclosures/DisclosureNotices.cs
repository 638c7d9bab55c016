using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Infrastructure.Email;
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
    TimeProvider time,
    ILogger<DisclosureNotices> logger)
{
    private const int BatchSize = 1000;

    /// <summary>Releases what is due and sends what is owed; returns how many customers were told.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await ReleaseDueAsync(cancellationToken);
        var told = 0;
        int sent;
        do
        {
            sent = await NotifyBatchAsync(cancellationToken);
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

    private async Task<int> NotifyBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owed = await (from entry in db.DisclosureEntries
                          join disclosure in db.Disclosures on entry.DisclosureId equals disclosure.Id
                          join user in db.Users on entry.CustomerId equals user.Id
                          where disclosure.NoticeRule != NoticeRule.NoSeparateNotice
                                && !db.DisclosureNotices.Any(n => n.EntryId == entry.Id)
                          orderby entry.Id
                          select new { entry.Id, entry.CustomerId, user.Email, user.DisplayName, disclosure.RecipientName, disclosure.NoticeRule })
            .Take(BatchSize).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var item in owed)
        {
            var delayed = item.NoticeRule == NoticeRule.DelayedUntil
                ? " The law required us to wait before telling you; that time has now passed." : "";
            outbox.Add(db, Email(item.CustomerId, item.Email!, item.DisplayName, item.RecipientName, delayed));
            NotificationService.Add(db, item.CustomerId, "New disclosure in your log",
                $"Com 1 shared some of your data with {item.RecipientName}.{delayed}", "disclosures", now);
            db.DisclosureNotices.Add(new DisclosureNotice { EntryId = item.Id, CustomerId = item.CustomerId, NotifiedAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
        if (owed.Count > 0)
        {
            outbox.NotifySaved();
            logger.LogInformation("Told {Count} customers about new disclosure entries", owed.Count);
        }
        return owed.Count;
    }
}

/// <summary>Runs <see cref="DisclosureNotices"/> every minute, and whenever a disclosure has been written.</summary>
public sealed class DisclosureNoticeJob(DisclosureNotices notices, DisclosureNoticeSignal signal, ILogger<DisclosureNoticeJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await notices.RunOnceAsync(stoppingToken);
                await signal.WaitAsync(TimeSpan.FromMinutes(1), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Disclosure notices failed; retrying in a minute");
                await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            }
        }
    }
}

/// <summary>Wakes the notice job as soon as a disclosure has been written.</summary>
public sealed class DisclosureNoticeSignal
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Notify()
    {
        try { semaphore.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => semaphore.WaitAsync(timeout, cancellationToken);
}
