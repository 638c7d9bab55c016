using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Announcements;

/// <summary>
/// Turns queued announcements into outbox messages in the background: the audience in one query, then one Marketing
/// message per member, saved in batches together with the progress. An announcement left in Sending when the app
/// stopped is picked up again at start; members who already have their message (its id is derived from the
/// announcement and the customer, see <see cref="AnnouncementMail.MessageIdFor"/>) are skipped, so nobody gets it twice.
/// One sender per database: several app instances would need a lease on the announcement first.
/// </summary>
internal sealed class AnnouncementSender(
    IDbContextFactory<AppDbContext> dbFactory,
    AnnouncementQueue queue,
    AnnouncementMail mail,
    Outbox outbox,
    TimeProvider time,
    ILogger<AnnouncementSender> logger) : BackgroundService
{
    public const int BatchSize = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
            {
                var unfinished = await db.Announcements
                    .Where(a => a.Status == AnnouncementStatus.Queued || a.Status == AnnouncementStatus.Sending)
                    .OrderBy(a => a.CreatedAt)
                    .Select(a => a.Id)
                    .ToListAsync(stoppingToken);
                unfinished.ForEach(queue.Enqueue);
            }
            await foreach (var id in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await SendAsync(id, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Not even Failed could be recorded (the database is unreachable); the next start resumes it.
                    logger.LogError(ex, "Announcement {AnnouncementId} could not be sent or marked failed", id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: an announcement in the middle of sending stays in Sending and resumes at the next start.
        }
    }

    /// <summary>Sends (or resumes) one announcement; one that is already finished is left alone.</summary>
    public async Task SendAsync(Guid announcementId, CancellationToken cancellationToken)
    {
        try
        {
            await SendOrResumeAsync(announcementId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Announcement {AnnouncementId} failed while queueing its messages", announcementId);
            await FinishAsync(announcementId, AnnouncementStatus.Failed, CancellationToken.None);
        }
    }

    private async Task SendOrResumeAsync(Guid announcementId, CancellationToken cancellationToken)
    {
        Announcement announcement;
        List<Recipient> remaining;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Announcements.SingleOrDefaultAsync(a => a.Id == announcementId, cancellationToken) is not { } found
                || found.Status is AnnouncementStatus.Sent or AnnouncementStatus.Failed)
            {
                return;
            }
            announcement = found;
            var resuming = announcement.Status == AnnouncementStatus.Sending;
            // The whole audience in one set-based query, as of now.
            var members = await MarketingAudience.Recipients(db, new ConsentKey(announcement.Topic, announcement.Channel))
                .ToListAsync(cancellationToken);
            members.RemoveAll(m => string.IsNullOrWhiteSpace(m.Email));
            var done = resuming ? await AlreadyQueuedAsync(db, announcementId, members, cancellationToken) : [];
            remaining = [.. members.Where(m => !done.Contains(AnnouncementMail.MessageIdFor(announcementId, m.CustomerId)))];

            announcement.Status = AnnouncementStatus.Sending;
            announcement.Total = announcement.Enqueued + remaining.Count;
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Announcement {AnnouncementId} {Action}: {Remaining} messages to queue, {Enqueued} queued before",
                announcementId, resuming ? "resumes" : "starts", remaining.Count, announcement.Enqueued);
        }

        var paragraphs = AnnouncementMail.Paragraphs(announcement.Body);
        foreach (var batch in remaining.Chunk(BatchSize))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var progress = await db.Announcements.SingleAsync(a => a.Id == announcementId, cancellationToken);
            foreach (var member in batch)
            {
                outbox.Add(db, mail.For(announcement, paragraphs, member));
            }
            // The messages and the count that says they exist are saved together, or neither is.
            progress.Enqueued += batch.Length;
            await db.SaveChangesAsync(cancellationToken);
            outbox.NotifySaved();
        }

        await FinishAsync(announcementId, AnnouncementStatus.Sent, cancellationToken);
    }

    /// <summary>The message ids of this announcement already in the outbox, among those its members would get.</summary>
    private static async Task<HashSet<Guid>> AlreadyQueuedAsync(
        AppDbContext db, Guid announcementId, IReadOnlyList<Recipient> members, CancellationToken cancellationToken)
    {
        var found = new HashSet<Guid>();
        foreach (var chunk in members.Select(m => AnnouncementMail.MessageIdFor(announcementId, m.CustomerId)).Chunk(BatchSize))
        {
            found.UnionWith(await db.OutboxMessages.Where(m => chunk.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken));
        }
        return found;
    }

    private async Task FinishAsync(Guid announcementId, AnnouncementStatus status, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Announcements.SingleOrDefaultAsync(a => a.Id == announcementId, cancellationToken) is not { } announcement)
        {
            return;
        }
        announcement.Status = status;
        announcement.FinishedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Announcement {AnnouncementId} {Status}: {Enqueued} of {Total} messages in the outbox",
            announcementId, status, announcement.Enqueued, announcement.Total);
    }
}
