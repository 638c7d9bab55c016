using Com1ControlPanel.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.PersonalData.Sections;

/// <summary>The services the customer subscribes to.</summary>
internal static class ServicesSection
{
    public static async Task<object?> ReadAsync(ExportScope scope, CancellationToken cancellationToken)
    {
        var services = await scope.Db.ServiceSubscriptions.AsNoTracking()
            .Where(s => s.CustomerId == scope.UserId)
            .OrderBy(s => s.StartedOn).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        return services.Select(s => new { s.Service, Name = s.Service.DisplayName(), s.Plan, s.StartedOn }).ToList();
    }
}
