using Com1ControlPanel.Data;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Disclosures;

/// <summary>
/// The one place that adds entries to customers' disclosure logs. Each customer's log is a chain, so appends are
/// strictly one after another: every write goes through <see cref="ExclusiveAsync"/>.
/// </summary>
public sealed class DisclosureLedger(TimeProvider time, IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The key of PostgreSQL's advisory lock that instances sharing one database take around chain writes.</summary>
    internal const long ChainLockKey = 0x436F6D31_4C6F67; // "Com1Log"

    private readonly SemaphoreSlim writer = new(1, 1);
    private bool? sharedDatabase;

    /// <summary>
    /// Runs <paramref name="write"/> with no other chain write in progress in this app, nor (on PostgreSQL, which several
    /// instances may share) in any other instance of the panel.
    /// </summary>
    public async Task<T> ExclusiveAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken = default)
    {
        await writer.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            sharedDatabase ??= db.Database.IsNpgsql();
            if (sharedDatabase != true)
            {
                return await write();
            }
            // A session lock on a connection of its own: the write uses its own contexts and transactions, and a lock
            // whose instance dies goes with its connection.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({ChainLockKey})", cancellationToken);
            try
            {
                return await write();
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({ChainLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            writer.Release();
        }
    }

    /// <summary>
    /// Adds <paramref name="disclosure"/> as the next entry of each customer's chain, in the caller's unit of work.
    /// Call inside <see cref="ExclusiveAsync"/>; the caller saves. Customers should come in batches of a few thousand.
    /// </summary>
    public async Task<IReadOnlyList<DisclosureEntry>> AppendAsync(
        AppDbContext db, Disclosure disclosure, IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken = default)
    {
        // A head added earlier in this unit of work (two disclosures released together) is not in the database yet.
        var wanted = customerIds.ToHashSet(StringComparer.Ordinal);
        var heads = db.DisclosureChainHeads.Local.Where(h => wanted.Contains(h.CustomerId)).ToDictionary(h => h.CustomerId);
        var stored = wanted.Where(id => !heads.ContainsKey(id)).ToArray();
        foreach (var head in await db.DisclosureChainHeads.Where(h => EF.Parameter(stored).Contains(h.CustomerId)).ToListAsync(cancellationToken))
        {
            heads[head.CustomerId] = head;
        }

        var links = Link(disclosure, customerIds, heads);
        foreach (var next in links.Heads)
        {
            if (heads.TryGetValue(next.CustomerId, out var head))
            {
                head.Sequence = next.Sequence;
                head.Hash = next.Hash;
            }
            else
            {
                db.DisclosureChainHeads.Add(next);
            }
        }
        db.DisclosureEntries.AddRange(links.Entries);
        return links.Entries;
    }

    /// <summary>
    /// Adds <paramref name="disclosure"/> as the next entry of each customer's chain by writing the rows at once, in the
    /// caller's open transaction and without tracking them: for group disclosures of many thousand customers.
    /// Call inside <see cref="ExclusiveAsync"/>.
    /// </summary>
    public async Task AppendNowAsync(
        AppDbContext db, Disclosure disclosure, IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken = default)
    {
        // EF.Parameter sends the ids as one JSON array: with thousands of ids, one SQL parameter each costs four times the CPU.
        var ids = customerIds.ToArray();
        var heads = await db.DisclosureChainHeads.AsNoTracking()
            .Where(h => EF.Parameter(ids).Contains(h.CustomerId))
            .ToDictionaryAsync(h => h.CustomerId, cancellationToken);
        var links = Link(disclosure, customerIds, heads);
        await PreparedSave.InsertAsync(db, links.Entries, cancellationToken);
        await PreparedSave.UpsertAsync(db, links.Heads, cancellationToken);
    }

    /// <summary>
    /// Removes a closed account's whole disclosure log (entries, notices, delayed entries and the chain's head) once the
    /// years the law keeps it for have passed. The whole chain goes at once, so nothing is left that could fail to verify;
    /// the disclosures themselves stay, as other customers' logs may share them. Call inside <see cref="ExclusiveAsync"/>,
    /// in the retention job's transaction (the log's triggers allow nothing else). Returns how many rows per table.
    /// </summary>
    public static async Task<DisclosureLogRemoval> RemoveLogAsync(AppDbContext db, string customerId,
        CancellationToken cancellationToken = default) =>
        new(Notices: await db.DisclosureNotices.Where(n => n.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken),
            Entries: await db.DisclosureEntries.Where(e => e.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken),
            Pending: await db.PendingDisclosureEntries.Where(p => p.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken),
            Heads: await db.DisclosureChainHeads.Where(h => h.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken));

    // The disclosure's own lines of the canonical text are the same for everyone: built once, hashed with each customer's.
    private ChainLinks Link(Disclosure disclosure, IReadOnlyCollection<string> customerIds, IReadOnlyDictionary<string, DisclosureChainHead> heads)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var content = DisclosureChain.Content(disclosure);
        var entries = new List<DisclosureEntry>(customerIds.Count);
        var next = new List<DisclosureChainHead>(customerIds.Count);
        foreach (var customerId in customerIds)
        {
            heads.TryGetValue(customerId, out var head);
            var sequence = (head?.Sequence ?? 0) + 1;
            var previous = head?.Hash ?? DisclosureChain.Genesis;
            var hash = DisclosureChain.HashOf(customerId, sequence, content, previous);
            entries.Add(new DisclosureEntry
            {
                CustomerId = customerId,
                DisclosureId = disclosure.Id,
                Sequence = sequence,
                AddedAt = now,
                PreviousHash = previous,
                Hash = hash,
            });
            next.Add(new DisclosureChainHead { CustomerId = customerId, Sequence = sequence, Hash = hash });
        }
        return new ChainLinks(entries, next);
    }

    private sealed record ChainLinks(List<DisclosureEntry> Entries, List<DisclosureChainHead> Heads);
}

/// <summary>How many rows of each table of a customer's disclosure log were removed.</summary>
public sealed record DisclosureLogRemoval(int Notices, int Entries, int Pending, int Heads);
