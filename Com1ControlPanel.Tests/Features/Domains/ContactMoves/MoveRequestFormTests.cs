using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Features.Domains.ContactMoves;
using Com1ControlPanel.Infrastructure.Validation;
using Com1ControlPanel.Tests.Features.Hostmaster;

namespace Com1ControlPanel.Tests.Features.Domains.ContactMoves;

/// <summary>The request form names the problem at its field, and what it accepts the domain record accepts too.</summary>
public sealed class MoveRequestFormTests
{
    [Theory]
    [InlineData("Company", "", "Enter the name of the company that becomes the Technical Contact.")]
    [InlineData("Company", "x101", "Keep the company name to 100 characters or fewer.")]
    [InlineData("ContactPerson", " ", "Enter the person at the company the registry and Com 1 can ask.")]
    [InlineData("ContactPerson", "x101", "Keep the contact person's name to 100 characters or fewer.")]
    [InlineData("Email", "jana.rheinhost.example", "Enter an email address such as hostmaster@example.com.")]
    [InlineData("Email", "longmail", "Keep the email address to 254 characters or fewer.")]
    [InlineData("Phone", "", "Enter the contact's phone number.")]
    [InlineData("Phone", "0221 12345678", "Enter the phone number in international form: + and the country code, then the number (+49 221 1234567).")]
    [InlineData("Phone", "+49 12", "Enter the phone number in international form: + and the country code, then the number (+49 221 1234567).")]
    [InlineData("Phone", "+800 1234 5678", "Enter the phone number in international form: + and the country code, then the number (+49 221 1234567).")]
    [InlineData("Phone", "x31", "Keep the phone number to 30 characters or fewer.")]
    [InlineData("Note", "x501", "Keep the note to 500 characters or fewer.")]
    public void A_bad_value_gets_its_message_at_its_field_and_nowhere_else(string field, string value, string message)
    {
        var form = MoveSteps.Rheinhost();
        var typed = value switch
        {
            "longmail" => new string('j', 246) + "@rhein.de",
            _ when value.StartsWith('x') && int.TryParse(value[1..], out var length) => new string('a', length),
            _ => value,
        };
        typeof(MoveRequestForm).GetProperty(field)!.SetValue(form, typed);

        var errors = FormValidation.Validate(form);

        Assert.Equal([field], errors.Keys);
        Assert.Equal([message], errors[field]);
    }

    [Fact]
    public void The_new_contact_is_a_company_with_the_phone_in_E164_and_the_country_of_the_number()
    {
        var form = MoveSteps.Rheinhost();
        form.Company = "  Rheinhost GmbH ";
        form.Phone = "+1 (416) 555-0133";

        var contact = form.ToContact();

        Assert.Empty(FormValidation.Validate(form));
        Assert.Equal((ContactKind.Organisation, "Rheinhost GmbH", "Jana Roth", "+14165550133", "CA"),
            (contact.Kind, contact.Organisation, contact.Name, contact.Phone, contact.CountryCode));
        Assert.Empty(FormValidation.Validate(contact));
        Assert.Equal("Rheinhost GmbH (Jana Roth)", contact.Describe());
    }

    [Fact]
    public void An_empty_note_is_no_note()
    {
        var form = MoveSteps.Rheinhost(note: "   ");

        Assert.Null(form.CleanNote);
    }
}
