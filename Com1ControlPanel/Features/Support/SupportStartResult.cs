namespace Com1ControlPanel.Features.Support;

/// <summary>Where a support agent stands with one customer's account.</summary>
/// <param name="Approval">An approved, unused window the agent may start a session in.</param>
/// <param name="Pending">The agent's request still waiting for the customer's answer.</param>
public sealed record SupportAccessState(SupportRefusal? Refusal, bool RequiresApproval, SupportAccessRequest? Approval, SupportAccessRequest? Pending);

public abstract record SupportStartResult
{
    private SupportStartResult() { }

    public sealed record Started(SupportSession Session) : SupportStartResult;

    public sealed record AwaitingApproval(SupportAccessRequest Request) : SupportStartResult;

    public sealed record Refused(SupportRefusal Refusal) : SupportStartResult
    {
        public string Message => Refusal.Describe();
    }

    public sealed record Invalid(Dictionary<string, string[]> Errors) : SupportStartResult;
}
