using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Features.Support.Help;

/// <summary>
/// One step of a help request, kept for good: what happened, when, and who really did it (the customer, the agent who
/// started a session, or the panel closing it after the quiet period). The customer reads the steps as the timeline.
/// </summary>
public sealed class HelpRequestStep
{
    public long Id { get; init; }
    public int HelpRequestId { get; init; }
    /// <summary>Whose request it is, so the customer's queries need no join.</summary>
    public required string CustomerId { get; init; }
    public HelpStepKind Kind { get; init; }
    public DateTime At { get; init; }
    public required string ActorUserId { get; init; }
    public required string ActorName { get; init; }
    public ChangeSource Source { get; init; }
    /// <summary>With <see cref="HelpStepKind.SessionStarted"/>: the session started.</summary>
    public Guid? SupportSessionId { get; init; }

    public Actor Actor => new(ActorUserId, ActorName, Source) { SupportSessionId = SupportSessionId };

    internal static HelpRequestStep Of(HelpRequest request, HelpStepKind kind, Actor actor, DateTime at) => new()
    {
        HelpRequestId = request.Id, CustomerId = request.CustomerId, Kind = kind, At = at, ActorUserId = actor.UserId,
        ActorName = actor.DisplayName, Source = actor.Source, SupportSessionId = actor.SupportSessionId,
    };
}

public enum HelpStepKind
{
    Created,
    SessionStarted,
    ClosedByCustomer,
    ClosedAfterQuietPeriod,
}

public static class HelpText
{
    /// <summary>A step as the request's timeline names it.</summary>
    public static string Label(this HelpStepKind kind) => kind switch
    {
        HelpStepKind.Created => "Asked for help",
        HelpStepKind.SessionStarted => "Support started a session in your account",
        HelpStepKind.ClosedByCustomer => "Closed",
        HelpStepKind.ClosedAfterQuietPeriod => "Closed after a quiet period",
        _ => kind.ToString(),
    };

    public static string Label(this HelpRequestStatus status) => status switch
    {
        HelpRequestStatus.Open => "Open",
        HelpRequestStatus.InProgress => "In progress",
        HelpRequestStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    public static string Minutes(int minutes) => minutes == 1 ? "1 minute" : $"{minutes} minutes";
}
