namespace Com1ControlPanel.Features.Support.Admin;

/// <summary>A session that is over, as administrators review it.</summary>
public sealed record PastSessionView(
    Guid Id, string AgentName, string CustomerName, string CustomerNumber, SupportReason Reason, string Ticket,
    string? HelpReference, DateTime StartedAt, DateTime EndedAt, SessionEnding Ending, string? EndedByName)
{
    public string Lasted => Duration(EndedAt - StartedAt);

    public string HowItEnded => Ending switch
    {
        SessionEnding.EndedByAgent => "Ended by the agent",
        SessionEnding.EndedByCustomer => "Ended by the customer",
        SessionEnding.EndedByAdmin => "Ended by an administrator",
        SessionEnding.Expired => "Ran out its time",
        SessionEnding.AgentAccessRevoked => "Stopped when the agent's access was withdrawn",
        SessionEnding.AccountClosed => "Stopped when the customer's account was closed",
        _ => "Ended",
    };

    public static string Duration(TimeSpan lasted) => lasted switch
    {
        { TotalMinutes: < 1 } => "under a minute",
        { TotalHours: < 1 } => $"{(int)lasted.TotalMinutes} min",
        _ => lasted.Minutes == 0 ? $"{(int)lasted.TotalHours} h" : $"{(int)lasted.TotalHours} h {lasted.Minutes} min",
    };
}
