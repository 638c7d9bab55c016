namespace Com1ControlPanel.Features.Domains;

/// <summary>A row of the customer's domain list.</summary>
public sealed record DomainSummary(int Id, DomainName Name, DomainStatus Status, DateOnly ExpiresOn, bool AutoRenew, bool PublishContacts);

/// <summary>What a domain's page shows: the facts, every contact field beside what the public sees of it, and the history.</summary>
/// <param name="CanSwitchPublication">False in a support session: only the customer decides what is published.</param>
/// <param name="HasPersonalData">Some contact is a natural person, so the customer's publication choice changes what is public.</param>
public sealed record DomainView(
    int Id, DomainName Name, DomainStatus Status, bool TransferLock, DateOnly RegisteredOn, DateOnly ExpiresOn, bool AutoRenew,
    IReadOnlyList<string> NameServers, bool PublishContacts, int Version, IReadOnlyList<ContactView> Contacts,
    IReadOnlyList<DomainChangeView> History, bool CanSwitchPublication, bool HasPersonalData);

/// <summary>One contact: every field of Com 1's record, each marked with whether the public registry shows it.</summary>
public sealed record ContactView(DomainContactRole Role, bool IsCom1, ContactKind Kind, IReadOnlyList<ContactFieldView> Fields,
    string? WithheldBecause)
{
    public string Title => Role.Label();
}

/// <param name="Value">As people read it: the phone formatted, the country named.</param>
/// <param name="IsPublic">The public registry shows this value; otherwise it is withheld.</param>
public sealed record ContactFieldView(ContactField Field, string Value, bool IsPublic)
{
    public string Label => Field.Label();
}

/// <summary>A row of the domain's history as the customer reads it.</summary>
public sealed record DomainChangeView(DateTime ChangedAt, string What, string OldValue, string NewValue, string ChangedBy);

public abstract record PublicationResult
{
    public sealed record Saved(DomainView Domain) : PublicationResult;
    /// <summary>The domain changed since the page showed it; the page shows it again.</summary>
    public sealed record Conflict : PublicationResult;
    /// <summary>Com 1 support is acting in the account: the choice stays with the customer.</summary>
    public sealed record SupportSession : PublicationResult;
    public sealed record NotFound : PublicationResult;
}
