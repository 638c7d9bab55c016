namespace Com1ControlPanel.Features.Support.Admin;

/// <summary>
/// What was refused, as an administrator reads it about the agent ("Tried to..."). The agent's own message
/// (<see cref="SupportRefusals.Describe(SupportRefusal)"/>) tells them what to do instead, which says little in a review.
/// </summary>
public static class RefusalWording
{
    // The pages support may never open, by the path kept with the attempt (SupportForbiddenPaths.Attempted).
    private static readonly Dictionary<string, string> Pages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/Account/Manage"] = "Account security",
        ["/Account/Manage/Email"] = "Email address",
        ["/Account/Manage/ChangePassword"] = "Change password",
        ["/Account/Manage/SetPassword"] = "Set password",
        ["/Account/Manage/TwoFactorAuthentication"] = "Two-factor authentication",
        ["/Account/Manage/EnableAuthenticator"] = "Set up an authenticator app",
        ["/Account/Manage/ResetAuthenticator"] = "Reset the authenticator app",
        ["/Account/Manage/Disable2fa"] = "Turn off two-factor sign-in",
        ["/Account/Manage/GenerateRecoveryCodes"] = "Recovery codes",
        ["/Account/Manage/Passkeys"] = "Passkeys",
        ["/Account/Manage/RenamePasskey"] = "Rename a passkey",
        ["/Account/Manage/PersonalData"] = "Personal data",
        ["/Account/Manage/CloseAccount"] = "Close account",
        ["/Account/ConfirmEmailChange"] = "Confirm a new email address",
        ["/Account/PasskeyCreationOptions"] = "Add a passkey",
        ["/disclosures/export"] = "Download of the disclosure log",
        ["/preferences/receipt"] = "Receipt of the customer's choices",
        ["/gateway"] = "Card entry",
        ["/privacy/notice"] = "Privacy policy notice",
        ["/cookies/choice"] = "Cookie choice",
        ["/help/new"] = "Ask for help",
    };

    public static string ForAdmin(SupportRefusal refusal, string? attempted) => refusal switch
    {
        SupportRefusal.NotAnAgent => "Tried to act in a customer's account without the support role",
        SupportRefusal.TargetIsStaff => "Tried to start a session in a staff account",
        SupportRefusal.OwnAccount => "Tried to start a session in their own account",
        SupportRefusal.AccountLockedOrClosed => "Tried to start a session in a locked or suspended account",
        SupportRefusal.AccountClosed => "Tried to start a session in a closed account",
        SupportRefusal.AlreadyInSession => "Tried to start a second session while one was running",
        SupportRefusal.TwoFactorRequired => "Tried to start without two-factor sign-in",
        SupportRefusal.ApprovalRequired => "Tried to start without the customer's approval",
        SupportRefusal.InvalidRequest => "Sent an incomplete or invalid request to start a session",
        SupportRefusal.HelpRequestNotUsable => "Tried to start under a help request that allows no session now",
        SupportRefusal.SessionEnded => "Tried to use a session that had ended",
        SupportRefusal.ForbiddenDuringSession => $"Tried to {Forbidden(attempted)} during a session",
        _ => "Was refused a support session",
    };

    private static string Forbidden(string? attempted) => attempted switch
    {
        null or "" => "do what stays with the customer",
        ['/', ..] => $"open {(Pages.TryGetValue(attempted, out var name) ? name : "a page")} ({attempted})",
        _ => attempted,
    };
}
