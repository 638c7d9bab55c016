using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Notifications;
using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Disclosures.Compliance;

/// <summary>
/// Writes group disclosures as jobs of the job engine: the audience in one query, then one entry per customer through the
/// <see cref="DisclosureLedger"/> (or a pending entry while notice is delayed), in batches that each commit together with
/// the progress count, so the page stays usable and other chain writes interleave between batches.
/// Everything it needs is in the database (<see cref="DisclosureWriteJob"/>), and each batch leaves out customers who
/// already have the entry: a write cut short (a restart, or an instance that died) is finished by the next run of the
/// job, on any instance, and never writes a customer twice.
/// </summary>
public sealed class DisclosureWriter(
    IDbContextFactory<AppDbContext> dbFactory,
    DisclosureLedger ledger,
    DisclosureNoticeSignal noticeSignal,
    TimeProvider time,
    ILogger<DisclosureWriter> logger)
{
    /// <summary>
    /// Customers per transaction: large enough that committing is a small part of writing 100,000, small enough (a few
    /// tenths of a second) that other chain writes and readers get in between batches.
    /// </summary>
    public const int BatchSize = 5000;

    /// <summary>Tries after the first before a write is marked Failed: enough to ride out a database restart.</summary>
    public const int Retries = 3;

    /// <summary>
    /// The job: writes what is left of the disclosure. A failure is retried by the job engine; after the last try the
    /// disclosure is marked Failed, with the entries written so far kept.
    /// </summary>
    [AutomaticRetry(Attempts = Retries)]
    [JobDisplayName("Write the group disclosure {0}")]
    public Task RunAsync(Guid disclosureId, PerformContext? context, CancellationToken cancellationToken)
    {
        var tries = context?.GetJobParameter<int>("RetryCount") ?? 0;
        return WriteAsync(disclosureId, lastTry: tries >= Retries, cancellationToken);
    }

    /// <summary>Writes what is left of one disclosure in one go, marking it Failed if that fails.</summary>
    public Task WriteAsync(Guid disclosureId, CancellationToken cancellationToken) =>
        WriteAsync(disclosureId, lastTry: true, cancellationToken);

    private async Task WriteAsync(Guid disclosureId, bool lastTry, CancellationToken cancellationToken)
    {
        try
        {
            await WriteEntriesAsync(disclosureId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Disclosure {DisclosureId} failed while writing its entries{Retry}", disclosureId,
                lastTry ? "" : "; the job engine tries again");
            if (!lastTry)
            {
                throw;
            }
            await FinishAsync(disclosureId, DisclosureStatus.Failed, CancellationToken.None);
        }
    }

    private async Task WriteEntriesAsync(Guid disclosureId, CancellationToken cancellationToken)
    {
        Disclosure disclosure;
        List<AudienceMember> members;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Disclosures.AsNoTracking().SingleOrDefaultAsync(d => d.Id == disclosureId, cancellationToken) is not { } found
                || found.Status != DisclosureStatus.Writing)
            {
                return;
            }
            disclosure = found;
            var job = await db.DisclosureWriteJobs.SingleOrDefaultAsync(j => j.DisclosureId == disclosureId, cancellationToken);
            if (job?.Audience is null)
            {
                // Recorded before writes were kept in the database: whom it was for is not known any more.
                logger.LogWarning("Disclosure {DisclosureId} has no stored audience and is marked Failed", disclosureId);
                await FinishAsync(disclosureId, DisclosureStatus.Failed, cancellationToken);
                return;
            }
            var audience = StoredAudience.Deserialize(job.Audience);
            // A correction reaches everyone the original reached: it records no new sharing, it fixes the record of it.
            var partnerRule = disclosure.Ground == DisclosureGround.PartnerProgramme && disclosure.CorrectsId is null;
            members = await AudienceQueries.MembersWithConsent(db, audience, disclosure.CorrectsId, partnerRule)
                .ToListAsync(cancellationToken);
            job.TotalCustomers = members.Count(m => !m.OptedOut);
            job.SkippedCustomers = members.Count - job.TotalCustomers;
            await db.SaveChangesAsync(cancellationToken);
        }
        // In key order, each batch fills neighbouring pages of the chain indexes instead of touching pages all over them.
        var customerIds = members.Where(m => !m.OptedOut).Select(m => m.CustomerId).Order(StringComparer.Ordinal).ToList();
        logger.LogInformation("Disclosure {DisclosureId} starts: {Customers} customers, {Skipped} skipped (opted out of partner sharing)",
            disclosure.Id, customerIds.Count, members.Count - customerIds.Count);

        foreach (var batch in customerIds.Chunk(BatchSize))
        {
            await ledger.ExclusiveAsync(() => WriteBatchAsync(disclosure, batch, cancellationToken), cancellationToken);
        }
        await FinishAsync(disclosure.Id, DisclosureStatus.Recorded, cancellationToken);
    }

    // One transaction: the batch's entries (or pending entries), their chain heads and the count that says they exist.
    // Customers whose entry an earlier run of the job wrote are left out, so a resumed write goes on where it stopped.
    private async Task<bool> WriteBatchAsync(Disclosure disclosure, string[] batch, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var written = (await WrittenAsync(db, disclosure, batch, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var remaining = written.Count == 0 ? batch : [.. batch.Where(id => !written.Contains(id))];
        if (remaining.Length == 0)
        {
            return true;
        }
        if (disclosure.NoticeRule == NoticeRule.DelayedUntil)
        {
            await PreparedSave.InsertAsync(db, PendingEntries(disclosure, remaining), cancellationToken);
        }
        else
        {
            await ledger.AppendNowAsync(db, disclosure, remaining, cancellationToken);
        }
        await db.Disclosures.Where(d => d.Id == disclosure.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.AffectedCustomers, d => d.AffectedCustomers + remaining.Length), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static Task<List<string>> WrittenAsync(AppDbContext db, Disclosure disclosure, string[] batch, CancellationToken cancellationToken) =>
        disclosure.NoticeRule == NoticeRule.DelayedUntil
            ? db.PendingDisclosureEntries.Where(p => p.DisclosureId == disclosure.Id && EF.Parameter(batch).Contains(p.CustomerId))
                .Select(p => p.CustomerId).ToListAsync(cancellationToken)
            : db.DisclosureEntries.Where(e => e.DisclosureId == disclosure.Id && EF.Parameter(batch).Contains(e.CustomerId))
                .Select(e => e.CustomerId).ToListAsync(cancellationToken);

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

    // The status, the officer's notification and the end of the stored audience, together, once: of two runs that both
    // reach the end (a claim that ran out while its instance was only slow), the second finds the status taken.
    private async Task FinishAsync(Guid disclosureId, DisclosureStatus status, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var finished = await db.Disclosures.Where(d => d.Id == disclosureId && d.Status == DisclosureStatus.Writing)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, status), cancellationToken);
        if (finished == 0)
        {
            return;
        }
        var row = await db.Disclosures.AsNoTracking().SingleAsync(d => d.Id == disclosureId, cancellationToken);
        var job = await db.DisclosureWriteJobs.SingleOrDefaultAsync(j => j.DisclosureId == disclosureId, cancellationToken);
        if (job is not null)
        {
            job.Audience = null;
        }
        if (status == DisclosureStatus.Recorded && await db.Users.AnyAsync(u => u.Id == row.RecordedByUserId, cancellationToken))
        {
            // The officer's own record of the outcome.
            var skipped = job?.SkippedCustomers ?? 0;
            var skips = skipped > 0 ? $" {skipped:N0} were skipped because they opted out of partner sharing." : "";
            NotificationService.Add(db, row.RecordedByUserId, "Disclosure recorded",
                $"The disclosure to {row.RecipientName} was recorded for {row.AffectedCustomers:N0} customers.{skips}",
                "compliance/disclosures", time.GetUtcNow().UtcDateTime);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (status == DisclosureStatus.Recorded)
        {
            noticeSignal.Notify();
        }
        logger.LogInformation("Disclosure {DisclosureId} {Status}: entries for {Customers} customers", disclosureId, status, row.AffectedCustomers);
    }
}
