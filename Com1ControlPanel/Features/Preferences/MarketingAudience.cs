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
        var total = await db.Customers.CountAsync(c => c.Status == AccountStatus.Active, cancellationToken);
        var reached = await Reachable(db, key).CountAsync(cancellationToken);
        return new AudienceSize(reached, total - reached);
    }

    public async Task<IReadOnlyList<AudienceMember>> ListAsync(ConsentKey key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Members(db, key).ToListAsync(cancellationToken);
    }

    /// <summary>Who a message goes to: only what it needs, in no particular order (the cheapest form of the query).</summary>
    public static IQueryable<Recipient> Recipients(AppDbContext db, ConsentKey key) =>
        from customer in Reachable(db, key)
        join user in db.Users on customer.Id equals user.Id
        select new Recipient(customer.Id, user.Email!, customer.FullName);

    /// <summary>
    /// The audience with everything a call list or a mailing list needs, in customer-number order; with
    /// <paramref name="withPhoneNumber"/> only those who have a phone or mobile number (a call list).
    /// </summary>
    public static IQueryable<AudienceMember> Members(AppDbContext db, ConsentKey key, bool withPhoneNumber = false) =>
        from customer in Reachable(db, key)
        where !withPhoneNumber || (customer.Phone != null && customer.Phone.Trim() != "")
            || (customer.MobilePhone != null && customer.MobilePhone.Trim() != "")
        join user in db.Users on customer.Id equals user.Id
        orderby customer.CustomerNumber
        select new AudienceMember(customer.Id, customer.CustomerNumber, customer.FullName, user.Email!, customer.Company,
            customer.Street, customer.City, customer.Region, customer.PostalCode, customer.CountryCode,
            customer.Phone, customer.MobilePhone);

    // Starts from the switches that are on (a range of the (Purpose, Channel, Granted, CustomerId) index) and looks up
    // only those customers, instead of walking every customer and looking up each one's switch.
    private static IQueryable<Customer> Reachable(AppDbContext db, ConsentKey key) =>
        from state in db.ConsentStates
        where state.Purpose == key.Purpose && state.Channel == key.Channel && state.Granted
        join customer in db.Customers on state.CustomerId equals customer.Id
        where customer.Status == AccountStatus.Active
        select customer;
}

public sealed record Recipient(string CustomerId, string Email, string FullName);

public sealed record AudienceSize(int Reached, int Suppressed);

public sealed record AudienceMember(
    string CustomerId, string CustomerNumber, string FullName, string Email, string? Company,
    string? Street, string? City, string? Region, string? PostalCode, string CountryCode,
    string? Phone, string? MobilePhone);
