using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Disclosures.Compliance;

/// <summary>
/// Writes group disclosures in the background: the audience in one query, then one entry per customer through the
/// <see cref="DisclosureLedger"/> (or a pending entry while notice is delayed), in batches that each commit together with
/// the progress count, so the page stays usable and other chain writes interleave between batches.
/// The audience lives only in the queue: a write cut short by a restart is marked Failed at the next start.
/// </summary>
public sealed class DisclosureWriter(
    IDbContextFactory<AppDbContext> dbFactory,
    DisclosureLedger ledger,
    DisclosureWriteQueue queue,
    DisclosureWriteProgress progress,
    DisclosureNoticeSignal noticeSignal,
    TimeProvider time,
    ILogger<DisclosureWriter> logger) : BackgroundService
{
    /// <summary>
    /// Customers per transaction: large enough that committing is a small part of writing 100,000, small enough (a few
    /// tenths of a second) that other chain writes and readers get in between batches.
    /// </summary>
    public const int BatchSize = 5000;

    private readonly DateTime startedAt = time.GetUtcNow().UtcDateTime;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await FailUnfinishedAsync(stoppingToken);
            await foreach (var write in queue.ReadAllAsync(stoppingToken))
            {
                await WriteAsync(write, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a disclosure in the middle of writing is marked Failed at the next start.
        }
    }

    /// <summary>Writes (all entries of) one queued disclosure; one that is not waiting to be written is left alone.</summary>
    public async Task WriteAsync(DisclosureWrite write, CancellationToken cancellationToken)
    {
        try
        {
            await WriteEntriesAsync(write, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Disclosure {DisclosureId} failed while writing its entries", write.DisclosureId);
            await FinishAsync(write.DisclosureId, DisclosureStatus.Failed, skipped: null, CancellationToken.None);
        }
    }

    private async Task WriteEntriesAsync(DisclosureWrite write, CancellationToken cancellationToken)
    {
        Disclosure disclosure;
        List<AudienceMember> members;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Disclosures.AsNoTracking().SingleOrDefaultAsync(d => d.Id == write.DisclosureId, cancellationToken) is not { } found
                || found.Status != DisclosureStatus.Writing)
            {
                return;
            }
            disclosure = found;
            // A correction reaches everyone the original reached: it records no new sharing, it fixes the record of it.
            var partnerRule = disclosure.Ground == DisclosureGround.PartnerProgramme && disclosure.CorrectsId is null;
            members = await AudienceQueries.MembersWithConsent(db, write.Audience, disclosure.CorrectsId, partnerRule)
                .ToListAsync(cancellationToken);
        }
        // In key order, each batch fills neighbouring pages of the chain indexes instead of touching pages all over them.
        var customerIds = members.Where(m => !m.OptedOut).Select(m => m.CustomerId).Order(StringComparer.Ordinal).ToList();
        var skipped = members.Count - customerIds.Count;
        progress.Set(disclosure.Id, customerIds.Count, skipped);
        logger.LogInformation("Disclosure {DisclosureId} starts: {Customers} customers to write, {Skipped} skipped (opted out of partner sharing)",
            disclosure.Id, customerIds.Count, skipped);

        foreach (var batch in customerIds.Chunk(BatchSize))
        {
            await ledger.ExclusiveAsync(() => WriteBatchAsync(disclosure, batch, cancellationToken), cancellationToken);
        }
        await FinishAsync(disclosure.Id, DisclosureStatus.Recorded, skipped, cancellationToken);
    }

    // One transaction: the batch's entries (or pending entries), their chain heads and the count that says they exist.
    private async Task<bool> WriteBatchAsync(Disclosure disclosure, string[] batch, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (disclosure.NoticeRule == NoticeRule.DelayedUntil)
        {
            await PreparedSave.InsertAsync(db, PendingEntries(disclosure, batch), cancellationToken);
        }
        else
        {
            await ledger.AppendNowAsync(db, disclosure, batch, cancellationToken);
        }
        await db.Disclosures.Where(d => d.Id == disclosure.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.AffectedCustomers, d => d.AffectedCustomers + batch.Length), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Adds the disclosure to each customer's log in the caller's unit of work: the next link of their chain, or, while
    /// notice is delayed, a pending entry that joins the chain only when the delay ends. Call inside the ledger's lock.
    /// </summary>
    internal static async Task AddEntriesAsync(AppDbContext db, DisclosureLedger ledger, Disclosure disclosure,
        IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken)
    {
        if (disclosure.NoticeRule != NoticeRule.DelayedUntil)
        {
            await ledger.AppendAsync(db, disclosure, customerIds, cancellationToken);
            return;
        }
        db.PendingDisclosureEntries.AddRange(PendingEntries(disclosure, customerIds));
    }

    private static List<PendingDisclosureEntry> PendingEntries(Disclosure disclosure, IEnumerable<string> customerIds)
    {
        var releaseAt = disclosure.NoticeDelayedUntil ?? throw new InvalidOperationException("A delayed disclosure needs its date.");
        return [.. customerIds.Select(id => new PendingDisclosureEntry { CustomerId = id, DisclosureId = disclosure.Id, ReleaseAt = releaseAt })];
    }

    private async Task FinishAsync(Guid disclosureId, DisclosureStatus status, int? skipped, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Disclosures.SingleOrDefaultAsync(d => d.Id == disclosureId, cancellationToken);
        if (row is null)
        {
            return;
        }
        row.Status = status;
        if (status == DisclosureStatus.Recorded && await db.Users.AnyAsync(u => u.Id == row.RecordedByUserId, cancellationToken))
        {
            // The officer's own record of the outcome, kept after this process (and its progress counts) are gone.
            var skips = skipped is > 0 ? $" {skipped:N0} were skipped because they opted out of partner sharing." : "";
            NotificationService.Add(db, row.RecordedByUserId, "Disclosure recorded",
                $"The disclosure to {row.RecipientName} was recorded for {row.AffectedCustomers:N0} customers.{skips}",
                "compliance/disclosures", time.GetUtcNow().UtcDateTime);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (status == DisclosureStatus.Recorded)
        {
            noticeSignal.Notify();
        }
        logger.LogInformation("Disclosure {DisclosureId} {Status}: entries for {Customers} customers", disclosureId, status, row.AffectedCustomers);
    }

    // Whose audience was only in memory cannot be resumed; saying so is better than showing it as writing forever.
    private async Task FailUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var failed = await db.Disclosures
            .Where(d => d.Status == DisclosureStatus.Writing && d.RecordedAt < startedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DisclosureStatus.Failed), cancellationToken);
        if (failed > 0)
        {
            logger.LogWarning("{Count} disclosures were cut short by a restart and are marked Failed", failed);
        }
    }
}
