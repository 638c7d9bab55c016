using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;

namespace Com1ControlPanel.Features.BillingDesk;

/// <summary>
/// The Essential emails the billing desk sends the customer. They name the member of staff and the reason, list what
/// changed with the new values (never anything secret), and say whom to call if the customer did not ask for it.
/// </summary>
internal static class BillingMail
{
    public static OutboundEmail ContactChanged(string customerId, string email, string name, Actor staff, ChangeReason reason,
        IReadOnlyList<ProfileChangeView> changes, BillingContact billing)
    {
        var lines = new List<string>
        {
            $"Com 1 billing ({staff.DisplayName}) changed your account data on your behalf. Reason: {reason.Text}"
                + (reason.Reference is null ? "." : $" (reference {reason.Reference})."),
            "What changed:",
        };
        lines.AddRange(changes.Select(c => $"{c.Field}: {c.NewValue}"));
        lines.Add("You can see every change under Account data, Recent changes. "
            + $"If you did not ask for this, call Com 1 billing on {billing.PhoneDisplay} ({billing.Hours}).");
        return new OutboundEmail(customerId, email, "Com 1 billing changed your account data",
            EmailTemplate.Compose(name, lines), MessageCategory.Essential,
            $"Com 1 billing ({staff.DisplayName}) changed your account data on your behalf: "
            + string.Join(", ", changes.Select(c => c.Field)) + ".");
    }

    public static OutboundEmail Suspended(string customerId, string email, string name, SuspensionReason reason, string? message,
        BillingContact billing, Func<string, string> link)
    {
        var action = reason.Action();
        return new OutboundEmail(customerId, email, "Your Com 1 account is suspended",
            EmailTemplate.Compose(name,
                [$"We have suspended your Com 1 account. {StatusReasons.ForHistory(reason.Why(), message)}",
                 reason.WhatToDo(),
                 "You can still sign in to the control panel, and see and change your data and your payment card.",
                 $"Com 1 billing: {billing.PhoneDisplay} ({billing.Hours})."],
                new(action?.Label ?? "Open your control panel", link(action?.Href ?? ""))),
            MessageCategory.Essential,
            $"Your account was suspended. {StatusReasons.ForHistory(reason.Why(), message)}");
    }

    public static OutboundEmail Reactivated(string customerId, string email, string name, ReactivationReason reason, string? message)
    {
        var why = StatusReasons.ForHistory(reason.Why(), message);
        return new OutboundEmail(customerId, email, "Your Com 1 account is active again",
            EmailTemplate.Compose(name, [$"Your Com 1 account is active again. {why}", "Thank you for being a Com 1 customer."]),
            MessageCategory.Essential, $"Your account is active again. {why}");
    }

    public static OutboundEmail CardLink(string customerId, string email, string name, Actor staff, string url, TimeSpan lifetime) =>
        new(customerId, email, "Update your payment card",
            EmailTemplate.Compose(name,
                [$"Com 1 billing ({staff.DisplayName}) sent you this link to update the payment card on your account.",
                 $"Sign in when asked, and the link opens your card page. It works once, for {lifetime.TotalHours:0} hours.",
                 "Com 1 never asks for card numbers by email or on the phone: you enter them only on the card page."],
                new("Update my payment card", url)),
            MessageCategory.Essential,
            $"Com 1 billing ({staff.DisplayName}) sent you a link to update your payment card. For your security, the link is only in the email itself.",
            ContainsSecret: true);
}
