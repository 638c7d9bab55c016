using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Features.Accounts.SignIns;

/// <summary>
/// A sign-in refused because the account is closed, told only to someone who proved it is theirs (its password, a
/// passkey, or the second step after the password): anyone else gets the usual "not correct". Not a lockout, and no
/// cookie is set.
/// </summary>
public sealed class ClosedAccountSignIn : SignInResult
{
    public ClosedAccountSignIn(DateTime? closedAt)
    {
        ClosedAt = closedAt;
        IsNotAllowed = true;
    }

    /// <summary>When the account was closed, if recorded.</summary>
    public DateTime? ClosedAt { get; }

    public override string ToString() => "AccountClosed";
}
