using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Customers;

/// <summary>
/// The customer's time zone for what the panel writes while they are not looking (emails, notifications): the zone their
/// own browser last reported, else their country's when the country has one, else UTC. The text always names it.
/// </summary>
public sealed class CustomerTimeZones(IDbContextFactory<AppDbContext> dbFactory, ILogger<CustomerTimeZones> logger)
{
    /// <summary>Notes the zone the customer's own browser reported; writes only when it is valid and new.</summary>
    public async Task RememberAsync(string customerId, string? zoneId, CancellationToken cancellationToken = default)
    {
        if (TimeText.FindZone(zoneId) is null)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var differs = db.Customers.Where(c => c.Id == customerId && (c.TimeZone == null || c.TimeZone != zoneId));
        // Almost every page load finds the zone already noted: a read then, never a write that would queue behind others.
        if (await differs.AnyAsync(cancellationToken)
            && await differs.ExecuteUpdateAsync(s => s.SetProperty(c => c.TimeZone, zoneId), cancellationToken) > 0)
        {
            logger.LogInformation("Noted the time zone of customer {CustomerId}'s browser", customerId);
        }
    }

    /// <summary>The zone to write <paramref name="customerId"/>'s times in, read in the caller's context.</summary>
    public static async Task<TimeZoneInfo> OfAsync(AppDbContext db, string customerId, CancellationToken cancellationToken)
    {
        var known = await db.Customers.AsNoTracking().Where(c => c.Id == customerId)
            .Select(c => new { c.TimeZone, c.CountryCode }).SingleOrDefaultAsync(cancellationToken);
        return TimeText.FindZone(known?.TimeZone) ?? TimeText.FindZone(Countries.TimeZoneOf(known?.CountryCode)) ?? TimeZoneInfo.Utc;
    }
}
