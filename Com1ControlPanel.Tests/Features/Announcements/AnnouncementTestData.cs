using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Announcements;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Hosting;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Tests.Features.Announcements;

/// <summary>Customers with chosen marketing switches, and the signed-in users of the announcement tests.</summary>
internal static class AnnouncementTestData
{
    public static readonly ConsentKey ComProductsByEmail = new(MarketingPurpose.ComProducts, ContactChannel.Email);
    public static readonly ConsentKey PartnerOffersByEmail = new(MarketingPurpose.PartnerOffers, ContactChannel.Email);

    public static CurrentUser Admin { get; } = SignedIn.User(SignedIn.As("admin-1", "Chris Admin", Roles.Admin));

    public static CurrentUser SignedInAs(string role) => SignedIn.User(SignedIn.As($"{role.ToLowerInvariant()}-1", role, role));

    public static CurrentUser Anonymous { get; } = SignedIn.User(new System.Security.Claims.ClaimsPrincipal());

    public static ConsentLedger Ledger(TimeProvider time) => new(Options.Create(new PreferencesOptions()), time, new ConsentChanges());

    public static UnsubscribeLinks Links { get; } = new(new EphemeralDataProtectionProvider(),
        new PanelLinks(Options.Create(new PanelOptions { PublicBaseUrl = "https://panel.com1.test/" })));

    /// <summary>A customer whose switches are exactly <paramref name="allowed"/> on and <paramref name="refused"/> off; others never set.</summary>
    public static async Task<Customer> CustomerAsync(
        TestDatabase database, TimeProvider time, string id, ConsentKey[] allowed, ConsentKey[]? refused = null,
        AccountStatus status = AccountStatus.Active)
    {
        await using var db = database.CreateDbContext();
        var customer = TestCustomers.Add(db, id, $"{id} Tester");
        customer.Status = status;
        var wanted = allowed.ToDictionary(k => k, _ => true);
        foreach (var key in refused ?? [])
        {
            wanted[key] = false;
        }
        await Ledger(time).ApplyAsync(db, id, wanted, new Actor(id, id, ChangeSource.Customer));
        await db.SaveChangesAsync();
        return customer;
    }

    public static AnnouncementDraft Draft(
        MarketingPurpose? topic = MarketingPurpose.ComProducts, ContactChannel channel = ContactChannel.Email,
        string subject = "New: managed PostgreSQL", string body = "We now run PostgreSQL for you.\n\nAsk us for a quote.") =>
        new() { Topic = topic, Channel = channel, Subject = subject, Body = body };
}
