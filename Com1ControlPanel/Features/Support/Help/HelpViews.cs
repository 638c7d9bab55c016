using Com1ControlPanel.Features.Support.Access;

namespace Com1ControlPanel.Features.Support.Help;

/// <summary>One of the customer's requests in the list on /help.</summary>
public sealed record HelpRequestSummary(string Reference, string Subject, HelpRequestStatus Status, DateTime CreatedAt, int? AccessMinutes);

/// <summary>A request's page: what was asked, where it stands, its timeline and the sessions support held for it.</summary>
public sealed record HelpRequestView(
    string Reference,
    string Subject,
    string Description,
    HelpRequestStatus Status,
    DateTime CreatedAt,
    int? AccessMinutes,
    int MinutesLeft,
    bool ActingAsSupport,
    IReadOnlyList<HelpStepView> Steps,
    IReadOnlyList<SupportSessionView> Sessions)
{
    public bool IsOpen => Status != HelpRequestStatus.Closed;
}

/// <summary>One step of the timeline: what happened, when and who did it, in the customer's words.</summary>
public sealed record HelpStepView(DateTime At, string What, string By);

/// <summary>What became of asking or closing: saved, refused with the reason (nothing changed), or errors at the fields.</summary>
public abstract record HelpResult
{
    private HelpResult() { }

    public sealed record Saved(string Reference, string Message) : HelpResult;

    public sealed record Refused(string Message) : HelpResult;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : HelpResult;
}
