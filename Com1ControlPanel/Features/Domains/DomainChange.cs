using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Features.Domains;

/// <summary>
/// One change of a domain's registration data: kept for good (the database refuses to update or delete it), with who
/// really made it, from where and in which support session. The customer reads it as the domain's history; the same
/// change also appears in their account's "Recent changes".
/// </summary>
public sealed class DomainChange
{
    public long Id { get; init; }
    public int DomainId { get; init; }
    /// <summary>Whose domain it was when it changed, so the customer's queries need no join.</summary>
    public required string CustomerId { get; init; }
    public required DomainChangeKind Kind { get; init; }
    public string? OldValue { get; init; }
    public string? NewValue { get; init; }
    public DateTime ChangedAt { get; init; }

    /// <summary>The person who really made the change (a hostmaster, an agent, the customer), never just the account's owner.</summary>
    public required string ActorUserId { get; init; }
    public required string ActorName { get; init; }
    public ChangeSource Source { get; init; }
    public Guid? SupportSessionId { get; init; }
}

/// <summary>What changed in a domain's registration data.</summary>
public enum DomainChangeKind
{
    /// <summary>The customer's choice whether the registry publishes their personal contact details.</summary>
    ContactPublication,
    /// <summary>The Technical Contact, for example from Com 1 to another company.</summary>
    TechnicalContact,
    /// <summary>A closed account's personal contact details, removed by the retention job: the values name the roles only.</summary>
    PersonalContactsRemoved,
}

public static class DomainChangeKindText
{
    public static string Label(this DomainChangeKind kind) => kind switch
    {
        DomainChangeKind.ContactPublication => "Contact publication",
        DomainChangeKind.TechnicalContact => "Technical Contact",
        DomainChangeKind.PersonalContactsRemoved => "Personal contact details removed",
        _ => kind.ToString(),
    };
}
