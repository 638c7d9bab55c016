namespace Com1ControlPanel.Features.Support;

/// <summary>What an agent gives to start a session (or to ask a customer for one).</summary>
public sealed class SupportStartForm
{
    public string CustomerId { get; set; } = "";
    public SupportReason? Reason { get; set; }
    public string Ticket { get; set; } = "";
    public string Note { get; set; } = "";
    public int Minutes { get; set; } = 15;
    /// <summary>The customer's help request the session is for (its reference); its permission counts as their approval.</summary>
    public string? HelpRequest { get; set; }

    /// <summary>Field errors, keyed by property name; empty when the form can be used.</summary>
    public Dictionary<string, string[]> Validate(int maxMinutes)
    {
        var errors = new Dictionary<string, string[]>();
        if (Reason is not { } reason || !Enum.IsDefined(reason))
        {
            errors[nameof(Reason)] = ["Choose why you need to access the account."];
        }
        var ticket = Ticket?.Trim() ?? "";
        if (ticket.Length == 0)
        {
            errors[nameof(Ticket)] = ["Enter the ticket reference."];
        }
        else if (ticket.Length > SupportLimits.Ticket)
        {
            errors[nameof(Ticket)] = [$"A ticket reference has at most {SupportLimits.Ticket} characters."];
        }
        var note = Note?.Trim() ?? "";
        if (note.Length == 0)
        {
            errors[nameof(Note)] = ["Say in a few words what you will do; the customer reads it."];
        }
        else if (note.Length > SupportLimits.Note)
        {
            errors[nameof(Note)] = [$"Keep the note to {SupportLimits.Note} characters."];
        }
        if (Minutes < 1 || Minutes > maxMinutes)
        {
            errors[nameof(Minutes)] = [$"A session lasts between 1 and {maxMinutes} minutes."];
        }
        return errors;
    }
}
