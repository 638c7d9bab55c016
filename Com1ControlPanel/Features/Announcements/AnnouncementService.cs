using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Announcements;

/// <summary>Marketing announcements by email: their reach, sending them, and their progress. Admins only.</summary>
public sealed class AnnouncementService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    MarketingAudience audience,
    IAnnouncementQueue queue,
    TimeProvider time,
    ILogger<AnnouncementService> logger)
{
    public const int RecentShown = 20;

    /// <summary>How many active customers an announcement about <paramref name="topic"/> would reach by email right now.</summary>
    public async Task<AudienceSize> PreviewAsync(MarketingPurpose topic, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAdminAsync("manage announcements");
        if (!AnnouncementDraft.Topics.Contains(topic))
        {
            throw new ArgumentException("Announcements can only be about new Com 1 products or partners' offers.", nameof(topic));
        }
        return await audience.MeasureAsync(new ConsentKey(topic, ContactChannel.Email), cancellationToken);
    }

    /// <summary>Stores the announcement and hands it to the background sender; an invalid draft changes nothing.</summary>
    public async Task<AnnouncementSendResult> SendAsync(AnnouncementDraft draft, CancellationToken cancellationToken = default)
    {
        var admin = await currentUser.RequireAdminAsync("manage announcements");
        var errors = FormValidation.Validate(draft);
        if (errors.Count > 0)
        {
            logger.LogInformation("Announcement refused for {ActorId}: invalid {Fields}", admin.UserId, string.Join(", ", errors.Keys));
            return new AnnouncementSendResult.Invalid(errors);
        }

        var announcement = new Announcement
        {
            Topic = draft.Topic!.Value,
            Channel = draft.Channel,
            Subject = draft.Subject.Trim(),
            Body = draft.Body.Trim(),
            CreatedByUserId = admin.UserId,
            CreatedByName = admin.DisplayName,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Announcements.Add(announcement);
            await db.SaveChangesAsync(cancellationToken);
        }
        queue.Enqueue(announcement.Id);
        logger.LogInformation("Announcement {AnnouncementId} about {Topic} queued by {ActorId}", announcement.Id, announcement.Topic, admin.UserId);
        return new AnnouncementSendResult.Queued(announcement.Id);
    }

    /// <summary>How many customers each call list and mailing list holds right now.</summary>
    public async Task<IReadOnlyDictionary<ConsentKey, ContactListSize>> ContactListSizesAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAdminAsync("manage announcements");
        var sizes = new Dictionary<ConsentKey, ContactListSize>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var key in ContactLists.All)
        {
            sizes[key] = await ContactLists.MeasureAsync(db, key, cancellationToken);
        }
        return sizes;
    }

    /// <summary>The most recent announcements, newest first, with their progress.</summary>
    public async Task<IReadOnlyList<AnnouncementView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAdminAsync("manage announcements");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Announcements.AsNoTracking()
            .OrderByDescending(a => a.CreatedAt)
            .Take(RecentShown)
            .Select(a => new { a.Id, a.Topic, a.Subject, a.CreatedByName, a.CreatedAt, a.Status, a.Total, a.Enqueued, a.FinishedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(a => new AnnouncementView(
            a.Id, a.Topic, a.Topic.Label(), a.Subject, a.CreatedByName, a.CreatedAt, a.Status, a.Total, a.Enqueued, a.FinishedAt))];
    }
}

public abstract record AnnouncementSendResult
{
    public sealed record Queued(Guid Id) : AnnouncementSendResult;
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : AnnouncementSendResult;
}

public sealed record AnnouncementView(
    Guid Id, MarketingPurpose Topic, string TopicLabel, string Subject, string CreatedByName, DateTime CreatedAt,
    AnnouncementStatus Status, int Total, int Enqueued, DateTime? FinishedAt)
{
    public bool InProgress => Status is AnnouncementStatus.Queued or AnnouncementStatus.Sending;

    /// <summary>0–100, for the progress bar.</summary>
    public double Percent => Total == 0 ? (InProgress ? 0 : 100) : Math.Min(100, 100.0 * Enqueued / Total);
}
