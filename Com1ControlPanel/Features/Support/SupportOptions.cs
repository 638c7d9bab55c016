namespace Com1ControlPanel.Features.Support;

/// <summary>The "Support" settings: how long a session may run and how strongly an agent must have signed in.</summary>
public sealed class SupportOptions
{
    public const string Section = "Support";

    /// <summary>The longest session an agent may start, in minutes.</summary>
    public int MaxSessionMinutes { get; set; } = 30;

    /// <summary>Agents must have signed in with a second factor (authenticator code or passkey) to act in an account.</summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>How long a customer has to answer an access request before it expires.</summary>
    public TimeSpan ApprovalAnswerTime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A help request with nothing happening for this many days closes itself.</summary>
    public int HelpRequestQuietDays { get; set; } = 14;
}
