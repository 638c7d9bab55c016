using Com1ControlPanel.Features.Policies;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.PersonalData.Sections;

/// <summary>The privacy policy versions the customer was shown (and how), and those they were emailed about before they took effect.</summary>
internal static class PoliciesSection
{
    public static async Task<object?> ReadAsync(ExportScope scope, CancellationToken cancellationToken)
    {
        var shown = await scope.Db.PolicyAcknowledgements.AsNoTracking()
            .Where(a => a.CustomerId == scope.UserId)
            .OrderBy(a => a.ShownAt)
            .ToListAsync(cancellationToken);
        var told = await scope.Db.PolicyNotices.AsNoTracking()
            .Where(n => n.CustomerId == scope.UserId)
            .OrderBy(n => n.NotifiedAt)
            .Select(n => new { n.Version, n.NotifiedAt })
            .ToListAsync(cancellationToken);
        return new
        {
            Shown = shown.Select(a => new { a.Version, a.ShownAt, a.How, HowText = a.How.Describe() }).ToList(),
            ToldAbout = told,
        };
    }
}
