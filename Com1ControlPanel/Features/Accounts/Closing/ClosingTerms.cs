using System.Globalization;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;

namespace Com1ControlPanel.Features.Accounts.Closing;

/// <summary>
/// What closing an account means, in the words the closing page, the confirming email and the sign-in page use, so the
/// customer reads the same promise everywhere. The periods come from <see cref="RetentionRules"/>.
/// </summary>
public static class ClosingTerms
{
    /// <summary>What ends the moment the account closes.</summary>
    public static readonly IReadOnlyList<string> WhatEnds =
    [
        "Your Com 1 services end.",
        "Marketing stops at once: every marketing choice is turned off, for Com 1's own news and for partners' offers.",
        "You are signed out everywhere, and the account can no longer sign in, with a password, a code or a passkey.",
    ];

    /// <summary>What Com 1 keeps, and for how long.</summary>
    public static IReadOnlyList<string> WhatIsKept(int closedAccountDays) =>
    [
        $"The log of disclosures of your data and your consent records: {RetentionRules.LegalRecordYears} years after closing, then they are removed.",
        "Billing records, for as long as tax and accounting law requires.",
        "The history of changes to your account and your sign-in dates, with your customer number instead of your name.",
        $"Everything else (your name, addresses, phone numbers, email address, payment card, domain contacts, passkeys) is removed {closedAccountDays} days after closing.",
    ];

    public static string Day(DateTime utc) => utc.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>What the sign-in page says to someone who signs in to a closed account with its password (or passkey).</summary>
    public static string SignInRefused(DateTime? closedAt) =>
        closedAt is { } at
            ? $"This account was closed on {Day(at)}, so it can no longer sign in."
            : "This account is closed, so it can no longer sign in.";

    public static OutboundEmail Mail(string customerId, string email, string name, string customerNumber, DateTime closedAt,
        Actor actor, ChangeReason? reason, BillingContact billing, int closedAccountDays)
    {
        var who = actor.Source == ChangeSource.BillingOnBehalf
            ? $"Com 1 billing ({actor.DisplayName}) closed your Com 1 account {customerNumber} at your request on {Day(closedAt)}."
              + (reason is null ? "" : $" Reason: {reason.Text}" + (reason.Reference is null ? "." : $" (reference {reason.Reference})."))
            : $"You closed your Com 1 account {customerNumber} on {Day(closedAt)}.";
        var lines = new List<string> { who, "What has ended:" };
        lines.AddRange(WhatEnds);
        lines.Add("What Com 1 keeps:");
        lines.AddRange(WhatIsKept(closedAccountDays));
        lines.Add($"If you did not ask for this, call Com 1 billing at once on {billing.PhoneDisplay} ({billing.Hours}).");
        return new OutboundEmail(customerId, email, "Your Com 1 account is closed", EmailTemplate.Compose(name, lines),
            MessageCategory.Essential, $"Your account was closed on {Day(closedAt)}.");
    }
}
