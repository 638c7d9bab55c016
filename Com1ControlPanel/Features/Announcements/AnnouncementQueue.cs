using Hangfire;

namespace Com1ControlPanel.Features.Announcements;

/// <summary>Hands an announcement (saved as Queued) to the background sender.</summary>
public interface IAnnouncementQueue
{
    void Enqueue(Guid announcementId);
}

/// <summary>Announcements as jobs of the job engine, which any instance of the panel picks up and resumes.</summary>
internal sealed class AnnouncementJobQueue(IBackgroundJobClient jobs) : IAnnouncementQueue
{
    public void Enqueue(Guid announcementId) => jobs.Enqueue<AnnouncementSender>(s => s.RunAsync(announcementId, null, CancellationToken.None));
}
