using Com1ControlPanel.Features.Customers;

namespace Com1ControlPanel.Features.Domains;

/// <summary>
/// The one rule of what the public registry shows about a domain's contacts, after today's registration data practice
/// (ICANN's Registration Data Policy, which followed the Temporary Specification; redaction marked as in RFC 9537):
/// <list type="bullet">
/// <item>a natural person's personal data (name, email, phone, street, city, postal code) is withheld, unless the customer
/// chooses to publish the domain's contact details;</item>
/// <item>their organisation, state or region and country are published;</item>
/// <item>a contact that is an organisation, such as Com 1 as Technical Contact, is published whole;</item>
/// <item>the Billing Contact is never published: registries show registration data, not who pays.</item>
/// </list>
/// The domain page and the RDAP answer are both built from <see cref="PublicView"/>, so no withheld value can reach either.
/// </summary>
public static class RegistryPublication
{
    public const string PersonalDataWithheld = "Personal data of a natural person is withheld unless the registrant chooses to publish it";
    public const string BillingNeverPublished = "The registry does not publish the Billing Contact";

    /// <summary>Whether the registry publishes <paramref name="field"/> of a contact.</summary>
    public static bool IsPublished(DomainContactRole role, ContactKind kind, bool isCom1, bool customerPublishes, ContactField field) =>
        role != DomainContactRole.Billing
        && (isCom1 || kind == ContactKind.Organisation || customerPublishes
            || field is ContactField.Organisation or ContactField.Region or ContactField.Country);

    /// <summary>Why the registry withholds a field of a contact of <paramref name="role"/>, in words for the page and RDAP.</summary>
    public static string WithheldBecause(DomainContactRole role) =>
        role == DomainContactRole.Billing ? BillingNeverPublished : PersonalDataWithheld;

    /// <summary>What the public sees of <paramref name="domain"/>: its published facts and, per contact, only the published values.</summary>
    public static PublicDomain PublicView(Domain domain, DomainContactValues com1)
    {
        var contacts = domain.Contacts.OrderBy(c => c.Role)
            .Select(c => PublicContactOf(c.Role, c.Values(com1), c.IsCom1, domain.PublishContacts))
            .ToList();
        return new PublicDomain(domain.Id, domain.DomainName, domain.Status, domain.TransferLock, domain.RegisteredOn, domain.ExpiresOn,
            domain.ChangedAt, [.. domain.NameServers], contacts);
    }

    /// <summary>One contact as the public sees it: withheld values are not in it at all, only named as withheld.</summary>
    public static PublicContact PublicContactOf(DomainContactRole role, DomainContactValues values, bool isCom1, bool customerPublishes)
    {
        var published = new Dictionary<ContactField, string>();
        var withheld = new List<ContactField>();
        foreach (var field in Enum.GetValues<ContactField>())
        {
            if (ContactFields.Read(values, field) is not { Length: > 0 } value)
            {
                continue;
            }
            if (IsPublished(role, values.Kind, isCom1, customerPublishes, field))
            {
                published[field] = value;
            }
            else
            {
                withheld.Add(field);
            }
        }
        return new PublicContact(role, isCom1, published, withheld, withheld.Count > 0 ? WithheldBecause(role) : null);
    }
}

/// <summary>The fields of a domain contact, in the order registrars list them.</summary>
public enum ContactField
{
    Name,
    Organisation,
    Email,
    Phone,
    Street,
    City,
    Region,
    PostalCode,
    Country,
}

public static class ContactFields
{
    public static string Label(this ContactField field) => field switch
    {
        ContactField.Name => "Name",
        ContactField.Organisation => "Organisation",
        ContactField.Email => "Email",
        ContactField.Phone => "Phone",
        ContactField.Street => "Street",
        ContactField.City => "City",
        ContactField.Region => "State or region",
        ContactField.PostalCode => "Postal code",
        ContactField.Country => "Country",
        _ => field.ToString(),
    };

    /// <summary>A field's value as stored (the country as its ISO code, the phone in E.164).</summary>
    public static string? Read(DomainContactValues values, ContactField field) => field switch
    {
        ContactField.Name => values.Name,
        ContactField.Organisation => values.Organisation,
        ContactField.Email => values.Email,
        ContactField.Phone => values.Phone,
        ContactField.Street => values.Street,
        ContactField.City => values.City,
        ContactField.Region => values.Region,
        ContactField.PostalCode => values.PostalCode,
        ContactField.Country => values.CountryCode,
        _ => null,
    };

    /// <summary>A stored value as people read it: "+1 415-555-0142", "United States".</summary>
    public static string Display(ContactField field, string value) => field switch
    {
        ContactField.Phone => PhoneNumbersRule.Display(value),
        ContactField.Country => Countries.NameOf(value),
        _ => value,
    };
}

/// <summary>A domain as the public registry shows it.</summary>
public sealed record PublicDomain(
    int Id, DomainName Name, DomainStatus Status, bool TransferLock, DateOnly RegisteredOn, DateOnly ExpiresOn, DateTime? ChangedAt,
    IReadOnlyList<string> NameServers, IReadOnlyList<PublicContact> Contacts);

/// <summary>
/// One contact as the public registry shows it: the published values only, and which fields the registry withholds and why.
/// </summary>
public sealed record PublicContact(
    DomainContactRole Role, bool IsCom1, IReadOnlyDictionary<ContactField, string> Published, IReadOnlyList<ContactField> Withheld,
    string? WithheldBecause)
{
    /// <summary>The registry shows nothing of this contact (the Billing Contact).</summary>
    public bool IsHidden => Published.Count == 0;
}
