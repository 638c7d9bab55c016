using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.PersonalData.Sections;

/// <summary>The notifications of the bell in the app bar, all of them.</summary>
internal static class NotificationsSection
{
    public static async Task<object?> ReadAsync(ExportScope scope, CancellationToken cancellationToken) =>
        await scope.Db.Notifications.AsNoTracking()
            .Where(n => n.UserId == scope.UserId)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .Select(n => new { n.CreatedAt, n.Title, n.Text, n.Link, n.ReadAt })
            .ToListAsync(cancellationToken);
}
