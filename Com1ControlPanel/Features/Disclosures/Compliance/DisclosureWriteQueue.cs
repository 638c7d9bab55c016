using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Com1ControlPanel.Features.Disclosures.Compliance;

/// <summary>A group disclosure waiting for the background writer: the stored disclosure and whose data it concerns.</summary>
public sealed record DisclosureWrite(Guid DisclosureId, DisclosureAudience Audience);

/// <summary>Group disclosures waiting for <see cref="DisclosureWriter"/>.</summary>
public sealed class DisclosureWriteQueue
{
    private readonly Channel<DisclosureWrite> channel = Channel.CreateUnbounded<DisclosureWrite>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(DisclosureWrite write) => channel.Writer.TryWrite(write);

    public IAsyncEnumerable<DisclosureWrite> ReadAllAsync(CancellationToken cancellationToken) => channel.Reader.ReadAllAsync(cancellationToken);

    /// <summary>For tests: the writes queued and not yet read.</summary>
    internal IReadOnlyList<DisclosureWrite> Drain()
    {
        var writes = new List<DisclosureWrite>();
        while (channel.Reader.TryRead(out var write))
        {
            writes.Add(write);
        }
        return writes;
    }
}

/// <summary>
/// What the database does not hold about a group write in this process: how many customers it will reach in all, and
/// how many the partner-sharing rule skipped. (The number written so far is the disclosure's AffectedCustomers.)
/// </summary>
public sealed class DisclosureWriteProgress
{
    private readonly ConcurrentDictionary<Guid, WriteCounts> counts = new();

    public void Set(Guid disclosureId, int total, int skipped) => counts[disclosureId] = new WriteCounts(total, skipped);

    public WriteCounts? For(Guid disclosureId) => counts.TryGetValue(disclosureId, out var found) ? found : null;
}

public sealed record WriteCounts(int Total, int Skipped);
