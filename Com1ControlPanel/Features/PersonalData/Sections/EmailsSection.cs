using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.PersonalData.Sections;

/// <summary>
/// The emails sent about the account as the Messages page lists them: subject, address, dates, kind, delivery status and
/// the panel's safe summary. Never a body or an unsubscribe link: those may hold one-time links and codes.
/// </summary>
internal static class EmailsSection
{
    public static async Task<object?> ReadAsync(ExportScope scope, CancellationToken cancellationToken) =>
        await scope.Db.OutboxMessages.AsNoTracking()
            .Where(m => m.RecipientUserId == scope.UserId)
            .OrderBy(m => m.CreatedAt)
            .Select(m => new { m.CreatedAt, m.SentAt, m.Subject, To = m.ToAddress, m.Category, m.Topic, m.Status, m.PanelText })
            .ToListAsync(cancellationToken);
}
