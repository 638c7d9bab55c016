namespace Com1ControlPanel.Features.Support;

/// <summary>Why an agent needs to act in a customer's account; shown to the customer.</summary>
public enum SupportReason
{
    CustomerInitiated,
    BillingQuestion,
    TechnicalIncident,
    ComplianceReview,
}

/// <summary>
/// A bounded period in which a support agent acts inside a customer's account. Everything done in it is recorded with
/// the agent as the actor and shown to the customer under "Who accessed my account".
/// </summary>
public sealed class SupportSession
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string AgentUserId { get; init; }
    public required string AgentName { get; init; }
    public required string CustomerId { get; init; }
    public SupportReason Reason { get; init; }
    public required string Ticket { get; init; }
    public string Note { get; init; } = "";
    public DateTime StartedAt { get; init; }
    public DateTime ExpiresAt { get; init; }
    public DateTime? EndedAt { get; set; }
    public SessionEnding? Ending { get; set; }
    public string? EndedByUserId { get; set; }
    /// <summary>The customer's approval this session was started under, when they require one.</summary>
    public Guid? AccessRequestId { get; init; }
    /// <summary>The customer's help request this session was started for; its permission counts as their approval.</summary>
    public int? HelpRequestId { get; init; }

    /// <summary>
    /// The one-time key, known only to the server and to the session's sign-in cookie, that gives the browser back to
    /// the agent when the session ends. A copy of the cookie replayed later finds it spent.
    /// </summary>
    public Guid HandBackId { get; init; } = Guid.NewGuid();
    /// <summary>When the key was spent: by giving the browser back to the agent, or by signing out of the session.</summary>
    public DateTime? HandedBackAt { get; set; }
    /// <summary>
    /// A hash of the agent's security stamp when the session started. A password change, a role change or "sign out
    /// everywhere" changes the stamp: the session stops and the browser is never given back to the agent.
    /// </summary>
    public string AgentStampHash { get; init; } = "";
    /// <summary>How the agent had signed in, as the server saw it at the start, so the hand-back gives back no more.</summary>
    public bool AgentUsedSecondFactor { get; init; }
    public DateTime AgentSignedInAt { get; init; }

    public bool IsActiveAt(DateTime now) => EndedAt is null && now < ExpiresAt;
}

public enum SessionEnding
{
    /// <summary>The agent pressed "End session" or signed out.</summary>
    EndedByAgent,
    /// <summary>An administrator ended it.</summary>
    EndedByAdmin,
    /// <summary>Its time ran out.</summary>
    Expired,
    /// <summary>The customer ended it from "Who accessed my account".</summary>
    EndedByCustomer,
    /// <summary>The agent was locked, lost the support role, or their sign-in was revoked (security stamp changed).</summary>
    AgentAccessRevoked,
    /// <summary>The customer's account was closed while the session ran.</summary>
    AccountClosed,
}

/// <summary>
/// An agent asking a customer who requires it for permission to access their account. Unanswered requests expire after
/// 24 hours; an approval opens a window (its approved length, from the moment of approval) in which a session may run.
/// </summary>
public sealed class SupportAccessRequest
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string AgentUserId { get; init; }
    public required string AgentName { get; init; }
    public required string CustomerId { get; init; }
    public SupportReason Reason { get; init; }
    public required string Ticket { get; init; }
    public string Note { get; init; } = "";
    public int RequestedMinutes { get; init; }
    public DateTime RequestedAt { get; init; }
    public DateTime AnswerBy { get; init; }
    public AccessRequestStatus Status { get; set; }
    /// <summary>When the customer answered, or when the agent withdrew the request.</summary>
    public DateTime? AnsweredAt { get; set; }
    /// <summary>Who withdrew the request before the customer answered: only ever the agent who asked.</summary>
    public string? WithdrawnByUserId { get; set; }
    public int? ApprovedMinutes { get; set; }
    public DateTime? WindowEndsAt { get; set; }
}

public enum AccessRequestStatus
{
    Pending,
    Approved,
    Denied,
    /// <summary>The agent who asked took the request back before the customer answered.</summary>
    Withdrawn,
}

/// <summary>An attempt to start or use a support session that was refused: kept for review, never shown as an access.</summary>
public sealed class SupportAttempt
{
    public long Id { get; init; }
    public DateTime At { get; init; }
    public required string AgentUserId { get; init; }
    public string? CustomerId { get; init; }
    public SupportRefusal Refusal { get; init; }
    /// <summary>
    /// What was refused, for the administrators' review: the page's path (never its query string) or the action's name;
    /// null when the refusal says it all (a start refused for the account or the agent).
    /// </summary>
    public string? Attempted { get; init; }
}

public enum SupportRefusal
{
    NotAnAgent,
    TargetIsStaff,
    OwnAccount,
    AccountLockedOrClosed,
    AlreadyInSession,
    TwoFactorRequired,
    ApprovalRequired,
    InvalidRequest,
    SessionEnded,
    ForbiddenDuringSession,
    /// <summary>The customer's account is closed: nobody acts in it any more.</summary>
    AccountClosed,
    /// <summary>The help request named is not the customer's, is closed, or gives no (more) time in the account.</summary>
    HelpRequestNotUsable,
}
