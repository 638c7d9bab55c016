using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Preferences;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Disclosures.Compliance;

/// <summary>
/// The customers of an audience as set-based queries: counting or listing them is one query over the whole group,
/// never one per customer.
/// </summary>
internal static class AudienceQueries
{
    /// <summary>
    /// The ids of the customers a disclosure goes to before the partner-sharing rule: for everyone and for a service only
    /// active customers; a chosen customer or a listed address whatever their status (a closed account keeps its log);
    /// for a correction, exactly the customers of the disclosure it corrects (entries and those still delayed).
    /// </summary>
    public static IQueryable<string> Members(AppDbContext db, DisclosureAudience audience, Guid? corrects)
    {
        if (corrects is { } originalId)
        {
            return db.DisclosureEntries.Where(e => e.DisclosureId == originalId).Select(e => e.CustomerId)
                .Union(db.PendingDisclosureEntries.Where(p => p.DisclosureId == originalId).Select(p => p.CustomerId));
        }
        return audience.Kind switch
        {
            AudienceKind.OneCustomer => db.Customers.Where(c => c.Id == audience.CustomerId).Select(c => c.Id),
            AudienceKind.AllCustomers => db.Customers.Where(c => c.Status == AccountStatus.Active).Select(c => c.Id),
            AudienceKind.ServiceCustomers => Subscribers(db, audience.Service!.Value)
                .Where(c => c.Status == AccountStatus.Active).Select(c => c.Id),
            AudienceKind.EmailList => ListedCustomers(db, audience.Emails).Select(c => c.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(audience), "Unknown audience."),
        };
    }

    /// <summary>Customers the "everyone" and "service" audiences leave out because their account is not active.</summary>
    public static IQueryable<Customer> NotActive(AppDbContext db, DisclosureAudience audience) => audience.Kind switch
    {
        AudienceKind.AllCustomers => db.Customers.Where(c => c.Status != AccountStatus.Active),
        AudienceKind.ServiceCustomers => Subscribers(db, audience.Service!.Value).Where(c => c.Status != AccountStatus.Active),
        _ => db.Customers.Where(_ => false),
    };

    /// <summary>Customers who turned partner sharing off: the policy refuses partner-programme disclosures of their data.</summary>
    public static IQueryable<string> OptedOutOfPartnerSharing(AppDbContext db) =>
        db.ConsentStates
            .Where(s => s.Purpose == MarketingPurpose.PartnerSharing && s.Channel == ContactChannel.None && !s.Granted)
            .Select(s => s.CustomerId);

    /// <summary>Each member with whether the partner-sharing rule leaves them out: one query for the whole audience.</summary>
    public static IQueryable<AudienceMember> MembersWithConsent(AppDbContext db, DisclosureAudience audience, Guid? corrects, bool partnerProgramme)
    {
        var optedOut = OptedOutOfPartnerSharing(db);
        return Members(db, audience, corrects).Select(id => new AudienceMember(id, partnerProgramme && optedOut.Contains(id)));
    }

    private static IQueryable<Customer> Subscribers(AppDbContext db, Service service) =>
        db.Customers.Where(c => db.ServiceSubscriptions.Any(s => s.CustomerId == c.Id && s.Service == service));

    // The whole list is one JSON parameter, so a pasted list of thousands is still one query (and one statement).
    private static IQueryable<Customer> ListedCustomers(AppDbContext db, string? emails)
    {
        var normalized = DisclosureAudience.NormalizedEmails(emails).ToArray();
        return from user in db.Users
               where EF.Parameter(normalized).Contains(user.NormalizedEmail!)
               join customer in db.Customers on user.Id equals customer.Id
               select customer;
    }
}

internal sealed record AudienceMember(string CustomerId, bool OptedOut);
