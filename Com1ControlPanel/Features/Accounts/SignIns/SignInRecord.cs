namespace Com1ControlPanel.Features.Accounts.SignIns;

/// <summary>One attempt to sign in to an existing account, kept so its owner can review their sign-ins.</summary>
public sealed class SignInRecord
{
    public long Id { get; init; }
    public required string UserId { get; init; }
    public DateTime At { get; init; }
    public bool Succeeded { get; init; }
    public SignInMethod Method { get; init; }
    /// <summary>The network, not the address: 203.0.113.x. The full address is never stored.</summary>
    public required string Network { get; init; }
    /// <summary>Browser and system, e.g. "Chrome on Windows".</summary>
    public required string Browser { get; init; }
    /// <summary>Why a failed attempt failed: WrongPassword, LockedOut, NotAllowed.</summary>
    public string? Outcome { get; init; }
}

public enum SignInMethod
{
    Password,
    TwoFactor,
    RecoveryCode,
    Passkey,
}
