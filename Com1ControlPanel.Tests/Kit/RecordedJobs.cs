using System.Collections.Concurrent;
using Com1ControlPanel.Features.Announcements;
using Com1ControlPanel.Features.Disclosures.Compliance;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// The service kit's stand-in for the job engine: it keeps the ids handed to it, and a test runs the job (for example
/// <c>WriteQueuedAsync</c>) when it chooses. Apps started with <see cref="PanelApp"/> use the real engine.
/// </summary>
public abstract class RecordedJobs
{
    private readonly ConcurrentQueue<Guid> queued = new();

    public void Enqueue(Guid id) => queued.Enqueue(id);

    /// <summary>The ids handed over and not yet taken, in order.</summary>
    public IReadOnlyList<Guid> Drain()
    {
        var taken = new List<Guid>();
        while (queued.TryDequeue(out var id))
        {
            taken.Add(id);
        }
        return taken;
    }
}

/// <summary>Group disclosures the recorder handed to the writer.</summary>
public sealed class RecordedDisclosureWrites : RecordedJobs, IDisclosureWriteQueue;

/// <summary>Announcements handed to the sender.</summary>
public sealed class RecordedAnnouncements : RecordedJobs, IAnnouncementQueue;
