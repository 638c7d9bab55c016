using System.Security.Claims;
using Com1ControlPanel.Features.Announcements;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Features.Announcements;

/// <summary>The switches, people and drafts of the announcement tests.</summary>
internal static class AnnouncementTestData
{
    public static readonly ConsentKey ComProductsByEmail = new(MarketingPurpose.ComProducts, ContactChannel.Email);
    public static readonly ConsentKey PartnerOffersByEmail = new(MarketingPurpose.PartnerOffers, ContactChannel.Email);

    public static ClaimsPrincipal Admin { get; } = Principals.Of("admin-1", "Chris Admin", Roles.Admin);

    /// <summary>A customer whose switches are exactly <paramref name="allowed"/> on and <paramref name="refused"/> off; others never set.</summary>
    public static Task<TestCustomer> CustomerAsync(this PanelServices kit, string id, ConsentKey[] allowed, ConsentKey[]? refused = null,
        AccountStatus status = AccountStatus.Active) =>
        kit.Customers.NewAsync($"{id} Tester", id: id, allows: allowed, refuses: refused, startingChoices: false, with: c => c.Status = status);

    public static AnnouncementDraft Draft(
        MarketingPurpose? topic = MarketingPurpose.ComProducts, ContactChannel channel = ContactChannel.Email,
        string subject = "New: managed PostgreSQL", string body = "We now run PostgreSQL for you.\n\nAsk us for a quote.") =>
        new() { Topic = topic, Channel = channel, Subject = subject, Body = body };
}
