namespace Com1ControlPanel.Features.Hostmaster;

/// <summary>The hostmaster queue: requests nobody has taken yet, and those being worked on, each oldest first.</summary>
public sealed record QueueView(IReadOnlyList<QueuedMove> Waiting, IReadOnlyList<QueuedMove> InProgress);

/// <summary>One request as a hostmaster needs it: the domain, whose it is, who asked, the new contact and who works it.</summary>
/// <param name="SubmittedBy">"The customer" or "Com 1 support (name) on the customer's behalf".</param>
/// <param name="TechnicalContact">The domain's Technical Contact now, in one line.</param>
public sealed record QueuedMove(
    int Id, string Domain, string DomainAscii, string CustomerName, string CustomerNumber, DateTime SubmittedAt, string SubmittedBy,
    string Company, string ContactPerson, string Email, string Phone, string Country, string? Note, string TechnicalContact,
    string? TakenByName, DateTime? TakenAt, bool TakenByMe)
{
    /// <summary>What a screen reader says for the request's buttons and card.</summary>
    public string Name => $"{Domain} to {Company}";
}

public abstract record QueueResult
{
    /// <summary>Done, as <paramref name="Message"/> says.</summary>
    public sealed record Done(string Message) : QueueResult;
    /// <summary>Nothing changed, for the reason given (taken by someone else, cancelled, already finished).</summary>
    public sealed record Refused(string Message) : QueueResult;
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : QueueResult;
    public sealed record NotFound : QueueResult;
}
