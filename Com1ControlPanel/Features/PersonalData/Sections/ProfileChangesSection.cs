using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.PersonalData.Sections;

/// <summary>Every change of the account data, oldest first, named as "Recent changes" names who made it.</summary>
internal static class ProfileChangesSection
{
    public static async Task<object?> ReadAsync(ExportScope scope, CancellationToken cancellationToken)
    {
        var changes = await scope.Db.ProfileChanges.AsNoTracking()
            .Where(c => c.CustomerId == scope.UserId)
            .OrderBy(c => c.ChangedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        return changes.Select(c => new
        {
            c.ChangedAt,
            Field = c.Field.Label(),
            c.OldValue,
            c.NewValue,
            ChangedBy = new Actor(c.ActorUserId, c.ActorName, c.Source).DescribeForCustomer(scope.UserId),
            c.Source,
            c.Reason,
            c.Reference,
            SupportSession = c.SupportSessionId,
        }).ToList();
    }
}
