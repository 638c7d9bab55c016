using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Features.Preferences;

/// <summary>
/// One change of one switch, appended and never updated or deleted (the database refuses both).
/// Together the records are the customer's proof of what they allowed, when, and on what terms.
/// </summary>
public sealed class ConsentRecord
{
    public long Id { get; init; }
    public required string CustomerId { get; init; }
    public MarketingPurpose Purpose { get; init; }
    public ContactChannel Channel { get; init; }
    /// <summary>Null for the very first record of a switch.</summary>
    public bool? OldGranted { get; init; }
    public bool NewGranted { get; init; }
    public DateTime RecordedAt { get; init; }
    public ChangeSource Source { get; init; }
    public required string ActorUserId { get; init; }
    public required string ActorName { get; init; }
    /// <summary>The privacy policy version in force when the change was made.</summary>
    public required string PolicyVersion { get; init; }
    /// <summary>The support session the change was made in, if any.</summary>
    public Guid? SupportSessionId { get; init; }
}

/// <summary>The current position of one switch: the latest record, kept as a row so audiences are one indexed query.</summary>
public sealed class ConsentState
{
    public required string CustomerId { get; init; }
    public MarketingPurpose Purpose { get; init; }
    public ContactChannel Channel { get; init; }
    public bool Granted { get; set; }
    public DateTime ChangedAt { get; set; }
    public ChangeSource ChangedBy { get; set; }
}
