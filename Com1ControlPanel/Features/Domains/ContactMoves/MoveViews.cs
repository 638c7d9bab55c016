namespace Com1ControlPanel.Features.Domains.ContactMoves;

/// <summary>What the domain page shows of a domain's Technical Contact moves.</summary>
/// <param name="TechnicalContact">Who the Technical Contact is now, in one line.</param>
/// <param name="Open">The request that is waiting or being worked on; at most one.</param>
/// <param name="Earlier">Finished requests, newest first.</param>
public sealed record DomainMoves(int DomainId, string TechnicalContact, bool TechnicalContactIsCom1, MoveView? Open,
    IReadOnlyList<MoveView> Earlier);

/// <param name="Phone">As people write it: +49 221 1234567.</param>
/// <param name="Country">The country's name.</param>
/// <param name="Timeline">Every step, oldest first.</param>
public sealed record MoveView(int Id, MoveStatus Status, string Company, string ContactPerson, string Email, string Phone, string Country,
    string? Note, IReadOnlyList<MoveStepView> Timeline)
{
    public bool CanCancel => Status == MoveStatus.Open;

    /// <summary>The id the page gives the request, so a link can point at it.</summary>
    public string Anchor => $"technical-contact-move-{Id}";
}

/// <param name="By">Who, as the customer reads it: "You", "Com 1 support (Dana Reyes) on your behalf", "Com 1 hostmaster (Hana Hostmaster)".</param>
public sealed record MoveStepView(MoveStepKind Kind, DateTime At, string By, string? Reason);

public abstract record MoveResult
{
    /// <summary>Done; the domain's moves as they are now.</summary>
    public sealed record Saved(DomainMoves Moves) : MoveResult;
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : MoveResult;
    /// <summary>The domain already has an open request: this one, which the page links to.</summary>
    public sealed record AlreadyOpen(int MoveId, DomainMoves Moves) : MoveResult;
    /// <summary>Nothing changed, for the reason given (a hostmaster took the request meanwhile).</summary>
    public sealed record Refused(string Message, DomainMoves Moves) : MoveResult;
    /// <summary>Not the customer's domain or request (or none at all): the same answer either way.</summary>
    public sealed record NotFound : MoveResult;
}
