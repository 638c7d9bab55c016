namespace Com1ControlPanel.Features.Domains;

/// <summary>
/// A domain name a customer registered through Com 1, as the registrar keeps it: its dates, status, name servers, the four
/// contacts the registry holds, and the customer's choice whether the registry may publish their personal contact
/// details. It changes only through <see cref="DomainChanges"/>, which writes its permanent history.
/// </summary>
public sealed class Domain
{
    public int Id { get; init; }
    public required string CustomerId { get; init; }

    /// <summary>The ASCII form, lower case: "morgandaughters.example", "xn--caf-morgan-k7a.example". See <see cref="DomainName"/>.</summary>
    public required string Name { get; init; }

    public DomainStatus Status { get; set; } = DomainStatus.Active;

    /// <summary>
    /// "Transfer lock" (EPP clientTransferProhibited): another registrar cannot take the domain away until the customer
    /// unlocks it. On by default, as registrars set it.
    /// </summary>
    public bool TransferLock { get; set; } = true;

    public DateOnly RegisteredOn { get; init; }
    public DateOnly ExpiresOn { get; set; }

    /// <summary>Com 1 renews the domain for another year before <see cref="ExpiresOn"/>.</summary>
    public bool AutoRenew { get; set; } = true;

    /// <summary>Host names in ASCII, lower case, in the order the customer set them.</summary>
    public List<string> NameServers { get; set; } = [];

    /// <summary>
    /// The customer's choice for this domain: true lets the registry publish the personal contact details of its contacts
    /// who are natural persons (name, email, phone, street, city, postal code). False, the default, withholds them.
    /// What this means field by field is <see cref="RegistryPublication"/>'s to say.
    /// </summary>
    public bool PublishContacts { get; set; }

    /// <summary>When the registration data last changed ("last changed" in RDAP); null while it never has.</summary>
    public DateTime? ChangedAt { get; set; }

    /// <summary>Raised on every change so two changes never overwrite each other silently.</summary>
    public int Version { get; set; }

    public List<DomainContact> Contacts { get; init; } = [];

    public DomainName DomainName => DomainName.FromAscii(Name);

    public DomainContact Contact(DomainContactRole role) => Contacts.Single(c => c.Role == role);
}

/// <summary>Where the domain stands at the registry, in the words a registrar's customer reads.</summary>
public enum DomainStatus
{
    /// <summary>Registered and in use.</summary>
    Active,
    /// <summary>Past its expiry date and not renewed: it no longer resolves, and can still be renewed as it is.</summary>
    Expired,
    /// <summary>Deleted after expiry; only a paid restore brings it back (EPP redemptionPeriod).</summary>
    RedemptionPeriod,
    /// <summary>Moving to or from another registrar.</summary>
    PendingTransfer,
    /// <summary>About to be released for anyone to register.</summary>
    PendingDelete,
    /// <summary>Held by Com 1 (EPP clientHold), for example during an abuse investigation: it does not resolve.</summary>
    OnHold,
}

public static class DomainStatusText
{
    public static string Label(this DomainStatus status) => status switch
    {
        DomainStatus.Active => "Active",
        DomainStatus.Expired => "Expired",
        DomainStatus.RedemptionPeriod => "Redemption period",
        DomainStatus.PendingTransfer => "Transfer pending",
        DomainStatus.PendingDelete => "Deletion pending",
        DomainStatus.OnHold => "On hold",
        _ => status.ToString(),
    };
}
