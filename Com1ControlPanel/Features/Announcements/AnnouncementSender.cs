using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Email;
using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Announcements;

/// <summary>
/// Turns queued announcements into outbox messages as jobs of the job engine: the audience in one query, then one Marketing
/// message per member, saved in batches together with the progress. A run cut short (a restart, an instance that died) is
/// taken up again by the engine, on any instance; members who already have their message (its id is derived from the
/// announcement and the customer, see <see cref="AnnouncementMail.MessageIdFor"/>) are skipped, so nobody gets it twice.
/// Runs take turns across instances, so two never queue the same announcement's messages at once.
/// </summary>
internal sealed class AnnouncementSender(
    IDbContextFactory<AppDbContext> dbFactory,
    AnnouncementMail mail,
    Outbox outbox,
    TimeProvider time,
    ILogger<AnnouncementSender> logger)
{
    public const int BatchSize = 1000;

    /// <summary>Tries after the first before an announcement is marked Failed: enough to ride out a database restart.</summary>
    public const int Retries = 3;

    /// <summary>The job: sends (or resumes) the announcement; a failure is retried, and marked Failed after the last try.</summary>
    [AutomaticRetry(Attempts = Retries)]
    [DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
    [JobDisplayName("Send the announcement {0}")]
    public Task RunAsync(Guid announcementId, PerformContext? context, CancellationToken cancellationToken)
    {
        var tries = context?.GetJobParameter<int>("RetryCount") ?? 0;
        return SendAsync(announcementId, lastTry: tries >= Retries, cancellationToken);
    }

    /// <summary>Sends (or resumes) one announcement in one go, marking it Failed if that fails.</summary>
    public Task SendAsync(Guid announcementId, CancellationToken cancellationToken) =>
        SendAsync(announcementId, lastTry: true, cancellationToken);

    // One that is already finished is left alone.
    private async Task SendAsync(Guid announcementId, bool lastTry, CancellationToken cancellationToken)
    {
        try
        {
            await SendOrResumeAsync(announcementId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Announcement {AnnouncementId} failed while queueing its messages{Retry}", announcementId,
                lastTry ? "" : "; the job engine tries again");
            if (!lastTry)
            {
                throw;
            }
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
