namespace Com1ControlPanel.Features.Customers;

/// <summary>
/// A Com 1 customer: the personal and account data the company holds about them.
/// Its id is the customer's sign-in identity id (one customer per <see cref="Data.ApplicationUser"/>).
/// </summary>
public sealed class Customer
{
    public required string Id { get; init; }

    /// <summary>The number printed on invoices and quoted on the phone.</summary>
    public required string CustomerNumber { get; init; }

    public AccountStatus Status { get; set; } = AccountStatus.Active;
    /// <summary>Why the account is suspended, as the customer's banner explains it; null while it is active.</summary>
    public SuspensionReason? StatusReason { get; set; }
    /// <summary>What Com 1 billing wrote to the customer about the suspension, if anything.</summary>
    public string? StatusMessage { get; set; }
    /// <summary>When the status last changed; null while it never has.</summary>
    public DateTime? StatusChangedAt { get; set; }
    public DateTime CustomerSince { get; init; }

    public string FullName { get; set; } = "";
    public string? Company { get; set; }
    public string? Street { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    /// <summary>ISO 3166-1 alpha-2 code, upper case.</summary>
    public string CountryCode { get; set; } = "US";
    /// <summary>E.164, e.g. +14155550100.</summary>
    public string? Phone { get; set; }
    /// <summary>E.164, optional.</summary>
    public string? MobilePhone { get; set; }

    /// <summary>Invoices go to the postal address unless the customer gives a billing address of its own.</summary>
    public bool BillingSameAsPostal { get; set; } = true;
    public string? BillingStreet { get; set; }
    public string? BillingCity { get; set; }
    public string? BillingRegion { get; set; }
    public string? BillingPostalCode { get; set; }
    /// <summary>ISO 3166-1 alpha-2 code, upper case; none while the billing address is the postal address.</summary>
    public string? BillingCountryCode { get; set; }

    /// <summary>"Support must ask me before accessing my account": agents then need an approved request.</summary>
    public bool RequireSupportApproval { get; set; }

    /// <summary>
    /// The IANA time zone the customer's own browser last reported, so emails and notifications written while they are
    /// away show times in it; null until they use the panel. Not raising <see cref="Version"/>: it is noted, not edited.
    /// </summary>
    public string? TimeZone { get; set; }

    /// <summary>Raised on every change so two editors never overwrite each other silently.</summary>
    public int Version { get; set; }

    public List<ServiceSubscription> Services { get; init; } = [];

    /// <summary>True once the customer has given everything an address and a phone need.</summary>
    public bool HasCompleteProfile =>
        !string.IsNullOrWhiteSpace(Street) && !string.IsNullOrWhiteSpace(City)
        && !string.IsNullOrWhiteSpace(PostalCode) && !string.IsNullOrWhiteSpace(Phone);
}

public enum AccountStatus
{
    Active,
    Suspended,
    Closed,
}
