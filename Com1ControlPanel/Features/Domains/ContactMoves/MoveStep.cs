using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Features.Domains.ContactMoves;

/// <summary>
/// One step of a Technical Contact move, kept for good (the database refuses to change or delete it): what happened, when,
/// and who really did it (the customer, support in a session on their behalf, a hostmaster). The customer reads the steps
/// as the request's timeline.
/// </summary>
public sealed class MoveStep
{
    /// <summary>The longest reason a hostmaster gives for a rejection.</summary>
    public const int MaxReason = 500;

    public long Id { get; init; }
    public int MoveId { get; init; }
    /// <summary>Whose request it is, so the customer's queries need no join.</summary>
    public required string CustomerId { get; init; }
    public MoveStepKind Kind { get; init; }
    public DateTime At { get; init; }
    public required string ActorUserId { get; init; }
    public required string ActorName { get; init; }
    public ChangeSource Source { get; init; }
    public Guid? SupportSessionId { get; init; }
    /// <summary>With <see cref="MoveStepKind.Rejected"/>: why, in the hostmaster's words to the customer.</summary>
    public string? Reason { get; init; }

    public Actor Actor => new(ActorUserId, ActorName, Source) { SupportSessionId = SupportSessionId };

    internal static MoveStep Of(TechnicalContactMove move, MoveStepKind kind, Actor actor, DateTime at, string? reason = null) => new()
    {
        MoveId = move.Id, CustomerId = move.CustomerId, Kind = kind, At = at, ActorUserId = actor.UserId, ActorName = actor.DisplayName,
        Source = actor.Source, SupportSessionId = actor.SupportSessionId, Reason = reason,
    };
}

public enum MoveStepKind
{
    Submitted,
    Taken,
    Completed,
    Rejected,
    Cancelled,
}

public static class MoveText
{
    /// <summary>A step as the customer's timeline names it.</summary>
    public static string Label(this MoveStepKind kind) => kind switch
    {
        MoveStepKind.Submitted => "Requested",
        MoveStepKind.Taken => "Taken",
        MoveStepKind.Completed => "Completed: the Technical Contact moved",
        MoveStepKind.Rejected => "Rejected",
        MoveStepKind.Cancelled => "Cancelled",
        _ => kind.ToString(),
    };

    /// <summary>Where a request stands, in a word or two.</summary>
    public static string Label(this MoveStatus status) => status switch
    {
        MoveStatus.Open => "Waiting for a hostmaster",
        MoveStatus.Taken => "A hostmaster is working on it",
        MoveStatus.Completed => "Completed",
        MoveStatus.Rejected => "Rejected",
        MoveStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };
}
