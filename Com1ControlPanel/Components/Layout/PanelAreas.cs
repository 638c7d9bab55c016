using System.Security.Claims;
using Com1ControlPanel.Infrastructure.Security;
using MudBlazor;

namespace Com1ControlPanel.Components.Layout;

/// <summary>One area of the panel: where it is, what it is called and for whom. The menu and the dashboard both show it.</summary>
/// <param name="Roles">Who sees the area; empty means everyone who is signed in.</param>
/// <param name="CustomerOwnOnly">
/// Kept from a support agent working in the customer's account: sign-in and security stay with the customer.
/// </param>
public sealed record PanelArea(
    string Title, string Description, string Href, string Icon, IReadOnlyList<string> Roles, bool CustomerOwnOnly = false)
{
    public bool IsFor(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && (Roles.Count == 0 || Roles.Any(user.IsInRole))
        && !(CustomerOwnOnly && user.IsSupportSession());
}

/// <summary>Every area of the panel, in the order the menu and the dashboard list them. Add a new area here, once.</summary>
public static class PanelAreas
{
    private static readonly string[] Everyone = [];

    public static readonly IReadOnlyList<PanelArea> All =
    [
        new("Account data",
            "See and change your name, address and phone numbers, and your email address. Every change is kept in a history.",
            "profile", Icons.Material.Outlined.Badge, [Roles.Customer]),
        new("Payment card",
            "See the card Com 1 charges your invoices to, add, replace or remove it, and choose your billing address.",
            "billing", Icons.Material.Outlined.CreditCard, [Roles.Customer]),
        new("Domains",
            "See your domain names, their contacts and what the public registry shows, and choose whether your contact details are published.",
            "domains", Icons.Material.Outlined.Language, [Roles.Customer]),
        new("Marketing preferences",
            "Decide what news and offers Com 1 may send you, and whether your details may go to partners. Stop them all in one step.",
            "preferences", Icons.Material.Outlined.Tune, [Roles.Customer]),
        new("Disclosures",
            "See whom Com 1 has shared your data with, what, why and when, and check that the record was never altered.",
            "disclosures", Icons.Material.Outlined.Share, [Roles.Customer]),
        new("Who accessed my account",
            "Every time Com 1 support acted in your account and what they changed, their requests for access, and your own sign-ins.",
            "access", Icons.Material.Outlined.ManageSearch, [Roles.Customer]),
        new("Get help",
            "Ask Com 1 support for help, allow them into your account for it if you like, and follow each request and what was done.",
            "help", Icons.Material.Outlined.HelpOutline, [Roles.Customer]),
        new("Messages",
            "Every email Com 1 sent you about your account, in one place.",
            "messages", Icons.Material.Outlined.Mail, Everyone),
        new("Support console",
            "Find a customer and start a support session in their account, with a reason and a ticket.",
            "support", Icons.Material.Outlined.SupportAgent, [Roles.SupportAgent]),
        new("Billing desk",
            "Find a customer, change their contact data on their behalf with a reason, suspend or reactivate their account, and send a link to their card page.",
            "staff/billing", Icons.Material.Outlined.RequestQuote, [Roles.Billing]),
        new("Disclosure register",
            "Record what Com 1 disclosed about customers, and correct it; each customer sees the entry in their own log.",
            "compliance/disclosures", Icons.Material.Outlined.Gavel, [Roles.ComplianceOfficer]),
        new("Hostmaster queue",
            "Take the customers' requests to move a domain's Technical Contact, oldest first, then complete or reject them with a reason.",
            "staff/hostmaster", Icons.Material.Outlined.Dns, [Roles.Hostmaster]),
        new("Announcements",
            "Write marketing announcements and download call and mailing lists; they reach only customers who allow them.",
            "admin/announcements", Icons.Material.Outlined.Campaign, [Roles.Admin]),
        new("Privacy policy",
            "Publish a new version of the privacy policy; every customer is told ahead of its effective date.",
            "admin/policies", Icons.Material.Outlined.Policy, [Roles.Admin]),
        new("Support sessions",
            "See the support sessions running now and end one.",
            "admin/support-sessions", Icons.Material.Outlined.SupervisorAccount, [Roles.Admin]),
        new("Background jobs",
            "See the work the panel does in the background, such as writing group disclosures: queued, running, retried and failed.",
            "admin/jobs", Icons.Material.Outlined.WorkHistory, [Roles.Admin]),
        new("Sign-in & security",
            "Your password, two-factor authentication, passkeys and a copy of your personal data.",
            "Account/Manage", Icons.Material.Outlined.Security, Everyone, CustomerOwnOnly: true),
    ];

    public static IEnumerable<PanelArea> For(ClaimsPrincipal user) => All.Where(area => area.IsFor(user));
}
