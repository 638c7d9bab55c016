using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Preferences;

/// <summary>
/// Who may be reached for a purpose on a channel, right now: active customers whose switch is on.
/// Always one set-based query over the consent index, never a query per customer.
/// </summary>
public sealed class MarketingAudience(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<AudienceSize> MeasureAsync(ConsentKey key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var active = db.Customers.Where(c => c.Status == AccountStatus.Active);
        var total = await active.CountAsync(cancellationToken);
        var reached = await Reachable(db, key).CountAsync(cancellationToken);
        return new AudienceSize(reached, total - reached);
    }

    public async Task<IReadOnlyList<AudienceMember>> ListAsync(ConsentKey key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Members(db, key).ToListAsync(cancellationToken);
    }

    /// <summary>The audience with everything a message, a call list or a mailing list needs, in customer-number order.</summary>
    public static IQueryable<AudienceMember> Members(AppDbContext db, ConsentKey key) =>
        from customer in Reachable(db, key)
        join user in db.Users on customer.Id equals user.Id
        orderby customer.CustomerNumber
        select new AudienceMember(customer.Id, customer.CustomerNumber, customer.FullName, user.Email!, customer.Company,
            customer.Street, customer.City, customer.Region, customer.PostalCode, customer.CountryCode,
            customer.Phone, customer.MobilePhone);

    private static IQueryable<Customer> Reachable(AppDbContext db, ConsentKey key) =>
        db.Customers.Where(c => c.Status == AccountStatus.Active && db.ConsentStates.Any(s =>
            s.CustomerId == c.Id && s.Purpose == key.Purpose && s.Channel == key.Channel && s.Granted));
}

public sealed record AudienceSize(int Reached, int Suppressed);

public sealed record AudienceMember(
    string CustomerId, string CustomerNumber, string FullName, string Email, string? Company,
    string? Street, string? City, string? Region, string? PostalCode, string CountryCode,
    string? Phone, string? MobilePhone);
