using Com1ControlPanel.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.PersonalData.Sections;

/// <summary>
/// Staff searches that name the customer: those for their customer number, the only searched text the panel keeps (a
/// search by name, email, phone or domain keeps only its kind, so it cannot be tied to anyone). Who searched stays with
/// Com 1's own review, as no page of the panel shows staff searches to customers.
/// </summary>
internal static class StaffSearchesSection
{
    public static async Task<object?> ReadAsync(ExportScope scope, CancellationToken cancellationToken)
    {
        if (scope.CustomerNumber is not { } number)
        {
            return Array.Empty<object>();
        }
        // A search keeps the number in upper case and finds the customer whose number is exactly that.
        return await scope.Db.StaffSearchRecords.AsNoTracking()
            .Where(r => r.Kind == StaffSearchKind.CustomerNumber && r.CustomerNumber == number)
            .OrderBy(r => r.SearchedAt)
            .Select(r => new { r.SearchedAt, SearchedFor = "Your customer number" })
            .ToListAsync(cancellationToken);
    }
}
