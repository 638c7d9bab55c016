using Com1ControlPanel.Data;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Disclosures;

/// <summary>
/// The one place that adds entries to customers' disclosure logs. Each customer's log is a chain, so appends are
/// strictly one after another: every write goes through <see cref="ExclusiveAsync"/>.
/// </summary>
public sealed class DisclosureLedger(TimeProvider time)
{
    private readonly SemaphoreSlim writer = new(1, 1);

    /// <summary>Runs <paramref name="write"/> with no other chain write in progress in this app.</summary>
    public async Task<T> ExclusiveAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken = default)
    {
        await writer.WaitAsync(cancellationToken);
        try
        {
            return await write();
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
        var heads = await db.DisclosureChainHeads
            .Where(h => customerIds.Contains(h.CustomerId))
            .ToDictionaryAsync(h => h.CustomerId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var entries = new List<DisclosureEntry>(customerIds.Count);
        foreach (var customerId in customerIds)
        {
            heads.TryGetValue(customerId, out var head);
            var sequence = (head?.Sequence ?? 0) + 1;
            var previous = head?.Hash ?? DisclosureChain.Genesis;
            var hash = DisclosureChain.HashOf(customerId, sequence, disclosure, previous);
            entries.Add(new DisclosureEntry
            {
                CustomerId = customerId,
                DisclosureId = disclosure.Id,
                Sequence = sequence,
                AddedAt = now,
                PreviousHash = previous,
                Hash = hash,
            });
            if (head is null)
            {
                db.DisclosureChainHeads.Add(new DisclosureChainHead { CustomerId = customerId, Sequence = sequence, Hash = hash });
            }
            else
            {
                head.Sequence = sequence;
                head.Hash = hash;
            }
        }
        db.DisclosureEntries.AddRange(entries);
        return entries;
    }
}
