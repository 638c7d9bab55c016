using Com1ControlPanel.Features.Customers;

namespace Com1ControlPanel.Features.BillingDesk;

/// <summary>
/// What billing gives to suspend an account (a reason, and a message the customer reads), to reactivate it, or to close it
/// for a customer who asked (how they asked, and why).
/// </summary>
public sealed class StatusChangeForm
{
    public SuspensionReason? Suspension { get; set; }
    public ReactivationReason? Reactivation { get; set; }
    /// <summary>How the customer asked for their account to be closed: billing closes an account only at the customer's request.</summary>
    public HowAsked? HowAsked { get; set; }
    /// <summary>Why the customer wants it closed, in billing's words; the customer reads it in the email and their history.</summary>
    public string? ClosingReason { get; set; }
    /// <summary>Billing's own words to the customer; needed when the reason is "Other".</summary>
    public string? Message { get; set; }
    public string? Reference { get; set; }

    /// <summary>Field errors for a change to <paramref name="to"/>, keyed by property name; empty when the form can be used.</summary>
    public Dictionary<string, string[]> Validate(AccountStatus to)
    {
        var errors = new Dictionary<string, string[]>();
        if (to == AccountStatus.Suspended && (Suspension is not { } suspension || !Enum.IsDefined(suspension)))
        {
            errors[nameof(Suspension)] = ["Choose why the account is suspended."];
        }
        if (to == AccountStatus.Active && (Reactivation is not { } reactivation || !Enum.IsDefined(reactivation)))
        {
            errors[nameof(Reactivation)] = ["Choose why the account is active again."];
        }
        if (to == AccountStatus.Closed)
        {
            if (!HowAsked.IsDefinedReason())
            {
                errors[nameof(HowAsked)] = ["Choose how the customer asked to close their account."];
            }
            var why = ClosingReason?.Trim() ?? "";
            if (why.Length == 0)
            {
                errors[nameof(ClosingReason)] = ["Say why the account is closed: the customer reads it."];
            }
            else if (why.Length > StatusLimits.Message)
            {
                errors[nameof(ClosingReason)] = [$"Keep the reason to {StatusLimits.Message} characters or fewer."];
            }
        }
        var message = Message?.Trim() ?? "";
        if (message.Length > StatusLimits.Message)
        {
            errors[nameof(Message)] = [$"Keep the message to {StatusLimits.Message} characters or fewer."];
        }
        else if (message.Length == 0 && to == AccountStatus.Suspended && Suspension is { } chosen && chosen.NeedsMessage())
        {
            errors[nameof(Message)] = ["Say why in a few words: the customer reads it."];
        }
        if ((Reference?.Trim().Length ?? 0) > ChangeReason.MaxReference)
        {
            errors[nameof(Reference)] = [$"Keep the reference to {ChangeReason.MaxReference} characters or fewer."];
        }
        return errors;
    }

    /// <summary>The reason a closing carries into the customer's history and email: how they asked, then why.</summary>
    public ChangeReason ToClosingReason() => new($"{HowAsked!.Value.Label()}: {ClosingReason!.Trim()}", CleanReference);

    public string? CleanMessage => string.IsNullOrWhiteSpace(Message) ? null : Message.Trim();
    public string? CleanReference => string.IsNullOrWhiteSpace(Reference) ? null : Reference.Trim();
}
