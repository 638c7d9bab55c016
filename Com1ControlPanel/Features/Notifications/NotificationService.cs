using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Notifications;

/// <summary>The signed-in user's notifications; also how features add one (in their own unit of work).</summary>
public sealed class NotificationService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public const int Shown = 20;

    public async Task<NotificationList> GetAsync(CancellationToken cancellationToken = default)
    {
        var userId = await currentUser.GetUserIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var recent = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(Shown)
            .Select(n => new NotificationView(n.Id, n.Title, n.Text, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
        return new NotificationList(recent, unread);
    }

    public async Task MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        // Notifications are for the customer: support looking at them in a session must not mark them read.
        if (await currentUser.IsSupportSessionAsync())
        {
            return;
        }
        var userId = await currentUser.GetUserIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), cancellationToken);
    }

    /// <summary>Adds a notification to a caller's unit of work, so it exists only if the caller's change is saved.</summary>
    public static void Add(AppDbContext db, string userId, string title, string text, string? link, DateTime now) =>
        db.Notifications.Add(new Notification { UserId = userId, Title = title, Text = text, Link = link, CreatedAt = now });

    /// <summary>Removes every notification of a closed account, in the caller's transaction; returns how many.</summary>
    public static Task<int> RemoveAllAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default) =>
        db.Notifications.Where(n => n.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}

public sealed record NotificationView(long Id, string Title, string Text, string? Link, DateTime CreatedAt, bool Read);

public sealed record NotificationList(IReadOnlyList<NotificationView> Recent, int Unread);
