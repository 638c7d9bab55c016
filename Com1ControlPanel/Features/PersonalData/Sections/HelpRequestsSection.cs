using Com1ControlPanel.Features.Support.Help;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.PersonalData.Sections;

/// <summary>Every help request the customer sent, as they wrote it, with every step as the request's timeline names it.</summary>
internal static class HelpRequestsSection
{
    public static async Task<object?> ReadAsync(ExportScope scope, CancellationToken cancellationToken)
    {
        var requests = await scope.Db.HelpRequests.AsNoTracking().Include(r => r.Steps)
            .Where(r => r.CustomerId == scope.UserId)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return requests.Select(r => new
        {
            r.Reference,
            r.Subject,
            r.Description,
            r.Status,
            StatusText = r.Status.Label(),
            SupportMayActForMinutes = r.AccessMinutes,
            r.CreatedAt,
            r.ClosedAt,
            Steps = r.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new
            {
                s.At,
                s.Kind,
                What = s.Kind.Label(),
                By = s.Actor.DescribeForCustomer(scope.UserId),
                SupportSession = s.SupportSessionId,
            }).ToList(),
        }).ToList();
    }
}
