using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.PersonalData.Sections;

/// <summary>
/// The preferences page's switches as they stand, every consent record with the policy version in force when it was made,
/// and the unsubscribe links the customer used (by the email they came in, never the link).
/// </summary>
internal static class ConsentSection
{
    public static async Task<object?> ReadAsync(ExportScope scope, CancellationToken cancellationToken)
    {
        var states = await scope.Db.ConsentStates.AsNoTracking()
            .Where(s => s.CustomerId == scope.UserId)
            .OrderBy(s => s.Purpose).ThenBy(s => s.Channel)
            .ToListAsync(cancellationToken);
        var records = await scope.Db.ConsentRecords.AsNoTracking()
            .Where(r => r.CustomerId == scope.UserId)
            .OrderBy(r => r.RecordedAt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var unsubscribed = await (from u in scope.Db.UnsubscribeRedemptions.AsNoTracking()
                                  join m in scope.Db.OutboxMessages on u.MessageId equals m.Id into messages
                                  from m in messages.DefaultIfEmpty()
                                  where u.CustomerId == scope.UserId
                                  orderby u.RedeemedAt
                                  select new { u.RedeemedAt, Email = m != null && m.RecipientUserId == scope.UserId ? m.Subject : null })
            .ToListAsync(cancellationToken);
        return new
        {
            Switches = states.Select(s => new
            {
                s.Purpose, s.Channel, Label = new ConsentKey(s.Purpose, s.Channel).Label, Allowed = s.Granted, s.ChangedAt, s.ChangedBy,
            }).ToList(),
            Records = records.Select(r => new
            {
                r.RecordedAt,
                r.Purpose,
                r.Channel,
                Label = new ConsentKey(r.Purpose, r.Channel).Label,
                WasAllowed = r.OldGranted,
                Allowed = r.NewGranted,
                ChangedBy = new Actor(r.ActorUserId, r.ActorName, r.Source).DescribeForCustomer(scope.UserId),
                r.Source,
                r.PolicyVersion,
                SupportSession = r.SupportSessionId,
            }).ToList(),
            UnsubscribeLinksUsed = unsubscribed,
        };
    }
}
