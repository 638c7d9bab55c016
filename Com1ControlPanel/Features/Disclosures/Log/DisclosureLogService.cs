using System.Runtime.CompilerServices;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Disclosures.Log;

/// <summary>
/// The signed-in customer's disclosure log: timeline, detail, chart, export and verification. Every method scopes its
/// queries to the customer the server knows is signed in, so no argument can reach another customer's entries. Only
/// entries in the log are read: a pending entry (notice delayed by law) shows nowhere until it is released.
/// </summary>
public sealed class DisclosureLogService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public const int PageSize = 20;
    private const int VerifyBatchSize = 1000;

    /// <summary>
    /// Entries newest first, <see cref="PageSize"/> at a time: keyset pagination over the (CustomerId, Sequence) index.
    /// <paramref name="olderThan"/> is the previous page's <see cref="DisclosurePage.OlderThan"/>, or null for the newest.
    /// </summary>
    public async Task<DisclosurePage> GetPageAsync(DisclosureFilter filter, int? olderThan = null, CancellationToken cancellationToken = default)
    {
        var me = await currentUser.GetCustomerIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await DisclosureLogQueries.PageAsync(db, me, filter, olderThan, PageSize, cancellationToken);
    }

    /// <summary>One entry of the customer's log, or null when their log has no such entry.</summary>
    public async Task<DisclosureLogItem?> GetDetailAsync(int sequence, CancellationToken cancellationToken = default)
    {
        var me = await currentUser.GetCustomerIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.DisclosureEntries
            .Where(e => e.CustomerId == me && e.Sequence == sequence)
            .Select(DisclosureLogQueries.Item(db, me))
            .SingleOrDefaultAsync(cancellationToken);
        return item is null ? null : (await DisclosureLogQueries.WithCorrectionsAsync(db, me, [item], cancellationToken))[0];
    }

    /// <summary>Disclosures per year (or month) and recipient category, counted by one grouped query.</summary>
    public async Task<DisclosureChartData> GetChartAsync(CancellationToken cancellationToken = default)
    {
        var me = await currentUser.GetCustomerIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.DisclosureEntries
            .Where(e => e.CustomerId == me)
            .GroupBy(e => new { e.Disclosure!.OccurredAt.Year, e.Disclosure.OccurredAt.Month, e.Disclosure.RecipientCategory })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.RecipientCategory, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return DisclosureChartData.From([.. counts.Select(c => (c.Year, c.Month, c.RecipientCategory, c.Count))]);
    }

    /// <summary>The whole log in chain order with the canonical fields and hashes; the entries stream as they are read.</summary>
    public async Task<DisclosureExport> ExportAsync(CancellationToken cancellationToken = default)
    {
        var me = await currentUser.GetCustomerIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var head = await db.DisclosureChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.CustomerId == me, cancellationToken);
        return new DisclosureExport(me, head?.Sequence ?? 0, head?.Hash ?? DisclosureChain.Genesis, time.GetUtcNow().UtcDateTime,
            ExportEntries(me, cancellationToken));
    }

    /// <summary>The customer's whole log in the page's words, for the CSV export; streamed like the canonical export.</summary>
    public async Task<DisclosureCsvExport> ExportForReadingAsync(CancellationToken cancellationToken = default)
    {
        var me = await currentUser.GetCustomerIdAsync();
        return new DisclosureCsvExport(time.GetUtcNow().UtcDateTime, CsvRows(me, cancellationToken));
    }

    /// <summary>
    /// Recomputes the customer's whole chain from its first entry against the stored head: either every entry matches,
    /// or the first entry that does not is named with what is wrong with it.
    /// </summary>
    public async Task<LogVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var me = await currentUser.GetCustomerIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var head = await db.DisclosureChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.CustomerId == me, cancellationToken);
        var entries = new List<DisclosureEntry>();
        var after = 0;
        while (true)
        {
            // In batches along the index; a gap or a swap in the stored order is exactly what verification reports.
            var batch = await db.DisclosureEntries.AsNoTracking().Include(e => e.Disclosure)
                .Where(e => e.CustomerId == me && e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(VerifyBatchSize)
                .ToListAsync(cancellationToken);
            entries.AddRange(batch);
            if (batch.Count < VerifyBatchSize)
            {
                break;
            }
            after = batch[^1].Sequence;
        }
        return LogVerification.From(DisclosureChain.Verify(me, entries, head), head);
    }

    private async IAsyncEnumerable<DisclosureCsvRow> CsvRows(string customerId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await foreach (var row in DisclosureLogQueries.CsvRows(db, customerId).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    private async IAsyncEnumerable<DisclosureExportEntry> ExportEntries(
        string customerId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = DisclosureLogQueries.ExportEntries(db, customerId).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            yield return entry;
        }
    }
}
