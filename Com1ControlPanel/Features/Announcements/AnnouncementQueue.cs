using System.Threading.Channels;

namespace Com1ControlPanel.Features.Announcements;

/// <summary>Announcements waiting for the background sender, by id. The database holds the truth; this only wakes the sender.</summary>
public sealed class AnnouncementQueue
{
    private readonly Channel<Guid> channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid announcementId) => channel.Writer.TryWrite(announcementId);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) => channel.Reader.ReadAllAsync(cancellationToken);

    /// <summary>For tests: the ids queued and not yet read.</summary>
    internal IReadOnlyList<Guid> Drain()
    {
        var ids = new List<Guid>();
        while (channel.Reader.TryRead(out var id))
        {
            ids.Add(id);
        }
        return ids;
    }
}
