namespace Com1ControlPanel.Features.Accounts.Closing;

public abstract record AccountClosingResult
{
    /// <summary>The account is closed: signed out everywhere, marketing off, the confirming email queued.</summary>
    public sealed record Closed(DateTime ClosedAt) : AccountClosingResult;

    /// <summary>Nothing changed: a field to correct (the password, the code, the confirmation), keyed by the form's property names.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : AccountClosingResult;

    /// <summary>Nothing changed, for the reason given (already closed, changed meanwhile).</summary>
    public sealed record Refused(string Message) : AccountClosingResult;

    public sealed record NotFound : AccountClosingResult;
}
