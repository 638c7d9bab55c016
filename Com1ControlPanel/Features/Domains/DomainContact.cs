namespace Com1ControlPanel.Features.Domains;

/// <summary>
/// One of the four contacts the registry holds for a domain. Either Com 1 itself (<see cref="IsCom1"/>, today the
/// Technical Contact of most domains; its details come from configuration, <see cref="DomainOptions.Com1Contact"/>, so they
/// are never copied into every domain) or a person or organisation with details of its own.
/// </summary>
public sealed class DomainContact
{
    public int DomainId { get; init; }
    public DomainContactRole Role { get; init; }

    public bool IsCom1 { get; set; }

    /// <summary>A natural person's details are personal data and withheld from the public unless the customer publishes them.</summary>
    public ContactKind Kind { get; set; }
    public string? Name { get; set; }
    public string? Organisation { get; set; }
    public string? Email { get; set; }
    /// <summary>E.164, e.g. +14155550142.</summary>
    public string? Phone { get; set; }
    public string? Street { get; set; }
    public string? City { get; set; }
    /// <summary>State, province or region.</summary>
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string? CountryCode { get; set; }

    /// <summary>The contact's details as they stand: Com 1's own when it is Com 1.</summary>
    public DomainContactValues Values(DomainContactValues com1) => IsCom1 ? com1 : new()
    {
        Kind = Kind, Name = Name ?? "", Organisation = Organisation, Email = Email ?? "", Phone = Phone ?? "", Street = Street,
        City = City, Region = Region, PostalCode = PostalCode, CountryCode = CountryCode ?? "",
    };

    /// <summary>Makes this contact Com 1 itself, or the person or organisation <paramref name="values"/> describe.</summary>
    public void Set(DomainContactValues? values)
    {
        IsCom1 = values is null;
        Kind = values?.Kind ?? ContactKind.Organisation;
        Name = values?.Name;
        Organisation = values?.Organisation;
        Email = values?.Email;
        Phone = values?.Phone;
        Street = values?.Street;
        City = values?.City;
        Region = values?.Region;
        PostalCode = values?.PostalCode;
        CountryCode = values?.CountryCode;
    }
}

/// <summary>The four contacts of a domain, in the order registrars list them.</summary>
public enum DomainContactRole
{
    Registrant,
    Administrative,
    Technical,
    Billing,
}

public enum ContactKind
{
    /// <summary>A natural person: their details are personal data.</summary>
    Person,
    /// <summary>A company or other organisation.</summary>
    Organisation,
}

public static class DomainContactRoleText
{
    public static string Label(this DomainContactRole role) => role switch
    {
        DomainContactRole.Registrant => "Registrant",
        DomainContactRole.Administrative => "Administrative Contact",
        DomainContactRole.Technical => "Technical Contact",
        DomainContactRole.Billing => "Billing Contact",
        _ => role.ToString(),
    };
}
