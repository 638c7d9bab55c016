namespace Com1ControlPanel.Features.Support;

/// <summary>What an agent reads when the panel refuses to start or continue a support session.</summary>
public static class SupportRefusals
{
    public static string Describe(this SupportRefusal refusal) => refusal switch
    {
        SupportRefusal.NotAnAgent => "Only Com 1 support agents can act in a customer's account.",
        SupportRefusal.TargetIsStaff => "Staff accounts cannot be accessed through a support session.",
        SupportRefusal.OwnAccount => "You cannot start a support session in your own account.",
        SupportRefusal.AccountLockedOrClosed =>
            "This account is locked or suspended, so no support session can be started in it.",
        SupportRefusal.AccountClosed =>
            "This account is closed, so no support session can be started in it. Billing can tell the customer what Com 1 keeps.",
        SupportRefusal.AlreadyInSession => "End the current support session before starting another one.",
        SupportRefusal.TwoFactorRequired =>
            "Sign in with two-factor authentication (an authenticator code or a passkey) before acting in a customer's account.",
        SupportRefusal.ApprovalRequired =>
            "This customer must approve access first. Ask them, then start the session once they have approved.",
        SupportRefusal.InvalidRequest => "The request to start a session was incomplete or invalid. Nothing was started.",
        SupportRefusal.HelpRequestNotUsable =>
            "This help request allows no session now: it is closed, its minutes are used up, or the customer did not allow access for it.",
        SupportRefusal.SessionEnded => "The support session has ended.",
        SupportRefusal.ForbiddenDuringSession =>
            "Com 1 support cannot do this in a customer's account: it stays with the customer.",
        _ => "The support session was refused.",
    };

    public static string Describe(this SupportReason reason) => reason switch
    {
        SupportReason.CustomerInitiated => "Support the customer asked for",
        SupportReason.BillingQuestion => "Billing question",
        SupportReason.TechnicalIncident => "Technical incident",
        SupportReason.ComplianceReview => "Compliance review",
        _ => reason.ToString(),
    };

    /// <summary>The reason as the customer reads it, on "Who accessed my account" and in the emails about a session.</summary>
    public static string ForCustomer(this SupportReason reason) => reason switch
    {
        SupportReason.CustomerInitiated => "You asked Com 1 support for help",
        SupportReason.BillingQuestion => "A billing question",
        SupportReason.TechnicalIncident => "A technical incident",
        SupportReason.ComplianceReview => "A compliance review",
        _ => reason.ToString(),
    };
}
