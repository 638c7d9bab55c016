namespace Com1ControlPanel.Features.Domains;

/// <summary>The "Domains" section of configuration: who Com 1 is as a domain contact and as the registrar.</summary>
public sealed class DomainOptions
{
    public const string Section = "Domains";

    /// <summary>
    /// Com 1's own details wherever Com 1 is a domain's contact (today the Technical Contact of most domains). An
    /// organisation, so the registry publishes them.
    /// </summary>
    public DomainContactValues Com1Contact { get; set; } = new()
    {
        Kind = ContactKind.Organisation,
        Name = "Com 1 Hostmaster",
        Organisation = "Com 1 Communications",
        Email = "hostmaster@com1.test",
        Phone = "+14155550150",
        Street = "500 Howard Street",
        City = "San Francisco",
        Region = "CA",
        PostalCode = "94105",
        CountryCode = "US",
    };

    /// <summary>Where anyone reports abuse of a domain Com 1 registered: shown in every RDAP answer, as registrars must.</summary>
    public string AbuseEmail { get; set; } = "abuse@com1.test";

    /// <summary>The abuse contact's phone, E.164.</summary>
    public string AbusePhone { get; set; } = "+14155550151";
}
