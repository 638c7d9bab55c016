using Com1ControlPanel.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.PersonalData.Sections;

/// <summary>The account's status, and the reason and message the suspension banner shows.</summary>
internal static class AccountStatusSection
{
    public static async Task<object?> ReadAsync(ExportScope scope, CancellationToken cancellationToken)
    {
        var status = await scope.Db.Customers.AsNoTracking()
            .Where(c => c.Id == scope.UserId)
            .Select(c => new { c.Status, c.StatusReason, c.StatusMessage, c.StatusChangedAt })
            .SingleOrDefaultAsync(cancellationToken);
        return status is null ? null : new
        {
            status.Status,
            Reason = status.StatusReason,
            Why = status.StatusReason?.Why(),
            Message = status.StatusMessage,
            ChangedAt = status.StatusChangedAt,
        };
    }
}
