using System.ComponentModel.DataAnnotations;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Validation;
using PhoneNumbers;

namespace Com1ControlPanel.Features.Domains.ContactMoves;

/// <summary>
/// What the customer gives to move a domain's Technical Contact: the new company, a person there, how to reach them, and a
/// note for the hostmaster. The page runs these rules as the customer types and <see cref="TechnicalContactMoves"/> again
/// before anything is saved; they include the domain record's own rules for a contact, so a request that is accepted can
/// always be carried out.
/// </summary>
public sealed class MoveRequestForm : IValidatableObject
{
    public const int MaxNote = 500;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    // What this form's own attributes already check, in its own words.
    private static readonly string[] OwnRules =
        [nameof(DomainContactValues.Name), nameof(DomainContactValues.Organisation), nameof(DomainContactValues.Email)];

    [Required(ErrorMessage = "Enter the name of the company that becomes the Technical Contact.")]
    [StringLength(ContactLimits.Name, ErrorMessage = "Keep the company name to {1} characters or fewer.")]
    public string Company { get; set; } = "";

    [Required(ErrorMessage = "Enter the person at the company the registry and Com 1 can ask.")]
    [StringLength(ContactLimits.Name, ErrorMessage = "Keep the contact person's name to {1} characters or fewer.")]
    public string ContactPerson { get; set; } = "";

    [Required(ErrorMessage = "Enter the contact's email address.")]
    [StringLength(DomainContactValues.MaxEmail, ErrorMessage = "Keep the email address to {1} characters or fewer.")]
    [EmailAddress(ErrorMessage = "Enter an email address such as hostmaster@example.com.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter the contact's phone number.")]
    [StringLength(30, ErrorMessage = "Keep the phone number to {1} characters or fewer.")]
    public string Phone { get; set; } = "";

    [StringLength(MaxNote, ErrorMessage = "Keep the note to {1} characters or fewer.")]
    public string? Note { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Phone) || Phone.Length > 30)
        {
            yield break;
        }
        if (CountryOf(Phone) is null)
        {
            yield return new("Enter the phone number in international form: + and the country code, then the number (+49 221 1234567).",
                [nameof(Phone)]);
            yield break;
        }
        // The domain record's own rules for a contact, should they ever ask more than this form: the message goes to our field.
        foreach (var (field, messages) in FormValidation.Validate(ToContact()).Where(p => !OwnRules.Contains(p.Key)))
        {
            yield return new(messages[0], [field == nameof(DomainContactValues.CountryCode) ? nameof(Phone) : field]);
        }
    }

    /// <summary>The new Technical Contact as the domain record keeps it: trimmed, the phone in E.164, the country from the phone.</summary>
    public DomainContactValues ToContact() => new DomainContactValues
    {
        Kind = ContactKind.Organisation, Organisation = Company.Trim(), Name = ContactPerson.Trim(), Email = Email.Trim(),
        Phone = Phone.Trim(), CountryCode = CountryOf(Phone) ?? "",
    }.Normalised();

    public string? CleanNote => string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();

    // The registry records a contact's country; the number's own country saves the customer another field.
    private static string? CountryOf(string phone)
    {
        if (!phone.TrimStart().StartsWith('+') || PhoneNumbersRule.ToE164(phone, null) is not { } e164)
        {
            return null;
        }
        var region = Util.GetRegionCodeForNumber(Util.Parse(e164, "ZZ"));
        return Countries.IsKnown(region) ? region : null;
    }
}
