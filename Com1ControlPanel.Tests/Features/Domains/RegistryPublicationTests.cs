using Com1ControlPanel.Features.Domains;

namespace Com1ControlPanel.Tests.Features.Domains;

/// <summary>The one rule of what the public registry shows, field by field, as a visitor looking a domain up would notice it.</summary>
public sealed class RegistryPublicationTests
{
    private static readonly ContactField[] Personal =
        [ContactField.Name, ContactField.Email, ContactField.Phone, ContactField.Street, ContactField.City, ContactField.PostalCode];

    private static readonly ContactField[] AlwaysShown = [ContactField.Organisation, ContactField.Region, ContactField.Country];

    [Theory]
    [InlineData(DomainContactRole.Registrant)]
    [InlineData(DomainContactRole.Administrative)]
    [InlineData(DomainContactRole.Technical)]
    public void A_natural_persons_personal_data_is_withheld_and_only_organisation_region_and_country_are_shown(DomainContactRole role)
    {
        var shown = RegistryPublication.PublicContactOf(role, DomainSteps.Person(), isCom1: false, customerPublishes: false);

        Assert.Equal(AlwaysShown.Order(), shown.Published.Keys.Order());
        Assert.Equal(Personal.Order(), shown.Withheld.Order());
        Assert.DoesNotContain("Paula Private", shown.Published.Values);
        Assert.DoesNotContain("paula.private@example.net", shown.Published.Values);
        Assert.Equal(RegistryPublication.PersonalDataWithheld, shown.WithheldBecause);
    }

    [Fact]
    public void A_natural_person_who_publishes_is_shown_whole()
    {
        var shown = RegistryPublication.PublicContactOf(DomainContactRole.Registrant, DomainSteps.Person(), false, customerPublishes: true);

        Assert.Empty(shown.Withheld);
        Assert.Equal(("Paula Private", "paula.private@example.net", "+14155550177", "77 Hidden Lane"),
            (shown.Published[ContactField.Name], shown.Published[ContactField.Email], shown.Published[ContactField.Phone],
             shown.Published[ContactField.Street]));
        Assert.Null(shown.WithheldBecause);
    }

    [Fact]
    public void An_organisation_is_shown_whole_whatever_the_customer_chose()
    {
        var shown = RegistryPublication.PublicContactOf(DomainContactRole.Technical, DomainSteps.Company(), false, customerPublishes: false);

        Assert.Empty(shown.Withheld);
        Assert.Equal(9, shown.Published.Count);
        Assert.Equal("hostmaster@rheinhost.example", shown.Published[ContactField.Email]);
    }

    [Fact]
    public void Com_1_as_a_contact_is_shown_whole()
    {
        var com1 = new DomainOptions().Com1Contact;

        var shown = RegistryPublication.PublicContactOf(DomainContactRole.Technical, com1, isCom1: true, customerPublishes: false);

        Assert.Empty(shown.Withheld);
        Assert.Equal(("Com 1 Communications", "hostmaster@com1.test"),
            (shown.Published[ContactField.Organisation], shown.Published[ContactField.Email]));
    }

    [Theory]
    [InlineData(false, ContactKind.Person)]
    [InlineData(true, ContactKind.Person)]
    [InlineData(true, ContactKind.Organisation)]
    public void The_billing_contact_is_never_shown(bool publishes, ContactKind kind)
    {
        var shown = RegistryPublication.PublicContactOf(DomainContactRole.Billing, DomainSteps.Person() with { Kind = kind }, false, publishes);

        Assert.True(shown.IsHidden);
        Assert.Equal(9, shown.Withheld.Count);
        Assert.Equal(RegistryPublication.BillingNeverPublished, shown.WithheldBecause);
    }

    [Fact]
    public void A_field_the_contact_left_empty_is_neither_shown_nor_called_withheld()
    {
        var shown = RegistryPublication.PublicContactOf(DomainContactRole.Registrant, DomainSteps.Person() with { Region = null, Street = null },
            false, false);

        Assert.DoesNotContain(ContactField.Region, shown.Published.Keys);
        Assert.DoesNotContain(ContactField.Street, shown.Withheld);
    }

    [Fact]
    public void The_public_view_of_a_domain_carries_no_withheld_value_anywhere()
    {
        var domain = new Domain
        {
            Id = 1, CustomerId = "c", Name = "private-pies.example", RegisteredOn = new DateOnly(2020, 1, 1), ExpiresOn = new DateOnly(2027, 1, 1),
            Contacts =
            [
                Contact(DomainContactRole.Registrant, DomainSteps.Person()), Contact(DomainContactRole.Administrative, DomainSteps.Person()),
                Contact(DomainContactRole.Technical, null), Contact(DomainContactRole.Billing, DomainSteps.Person()),
            ],
        };

        var view = RegistryPublication.PublicView(domain, new DomainOptions().Com1Contact);

        var everything = string.Join("|", view.Contacts.SelectMany(c => c.Published.Values));
        foreach (var personal in new[] { "Paula Private", "paula.private@example.net", "+14155550177", "77 Hidden Lane", "Secretville", "94999" })
        {
            Assert.DoesNotContain(personal, everything);
        }
        Assert.Contains("Private Pies", everything);
        Assert.Contains("Com 1 Communications", everything);
    }

    private static DomainContact Contact(DomainContactRole role, DomainContactValues? values)
    {
        var contact = new DomainContact { Role = role };
        contact.Set(values);
        return contact;
    }
}
