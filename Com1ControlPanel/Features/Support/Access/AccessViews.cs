namespace Com1ControlPanel.Features.Support.Access;

/// <summary>Everything "Who accessed my account" shows, as of one moment on the server's clock.</summary>
public sealed record AccessHistory(
    DateTime AsOf,
    bool RequireApproval,
    bool ActingAsSupport,
    IReadOnlyList<AccessRequestView> PendingRequests,
    SupportSessionPage Sessions,
    IReadOnlyList<AccessRequestView> PastRequests,
    IReadOnlyList<SignInView> SignIns);

/// <summary>Support sessions, newest first; <see cref="OlderThan"/> is where the next page starts, if there is one.</summary>
public sealed record SupportSessionPage(IReadOnlyList<SupportSessionView> Items, DateTime? OlderThan);

/// <summary>One support session as the customer reads it.</summary>
public sealed record SupportSessionView(
    Guid Id,
    string AgentName,
    string Reason,
    string Ticket,
    string Note,
    DateTime StartedAt,
    DateTime EndsAt, // when it ended, or for an active session when it will end at the latest
    SessionState State,
    bool StartedUnderApproval,
    IReadOnlyList<SessionAction> Actions)
{
    public bool IsActive => State == SessionState.Active;
}

public enum SessionState
{
    Active,
    EndedByAgent,
    EndedByAdmin,
    EndedByYou,
    /// <summary>The agent lost the right to act (locked, no longer in support, or signed out everywhere).</summary>
    AgentAccessRevoked,
    /// <summary>The account was closed while it ran.</summary>
    AccountClosed,
    /// <summary>Nobody ended it: its time ran out (whether or not the expiry job has marked it yet).</summary>
    TimeRanOut,
}

/// <summary>One thing support did in a session, in the product's words ("Phone changed").</summary>
public sealed record SessionAction(DateTime At, string What, string? Detail);

/// <summary>An agent's request to access the account and what became of it.</summary>
public sealed record AccessRequestView(
    Guid Id,
    string AgentName,
    string Reason,
    string Ticket,
    string Note,
    int RequestedMinutes,
    DateTime RequestedAt,
    DateTime AnswerBy,
    RequestOutcome Outcome,
    DateTime? AnsweredAt,
    int? ApprovedMinutes,
    DateTime? WindowEndsAt)
{
    /// <summary>How long the customer still has to answer (pending requests only).</summary>
    public TimeSpan TimeLeftAt(DateTime now) => Outcome == RequestOutcome.Pending && AnswerBy > now ? AnswerBy - now : TimeSpan.Zero;
}

public enum RequestOutcome
{
    Pending,
    Approved,
    Denied,
    /// <summary>Not answered within 24 hours; never stored, read from the request's answer-by time.</summary>
    Expired,
    /// <summary>The agent took the request back before the customer answered.</summary>
    Withdrawn,
}

/// <summary>One of the customer's own sign-in attempts.</summary>
public sealed record SignInView(DateTime At, bool Succeeded, string How, string Network, string Browser);

/// <summary>What became of an answer or a change of the setting: done, or refused with the reason, nothing changed.</summary>
public sealed record AccessChangeResult(bool Succeeded, string Message)
{
    public static AccessChangeResult Done(string message) => new(true, message);

    public static AccessChangeResult Refused(string reason) => new(false, reason);
}
