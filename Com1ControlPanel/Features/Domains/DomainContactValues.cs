using System.ComponentModel.DataAnnotations;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Validation;

namespace Com1ControlPanel.Features.Domains;

/// <summary>
/// A domain contact's details, as shown, published or handed to <see cref="DomainChanges"/>. The same rules check a form
/// as the person types and a service before anything is saved (<see cref="FormValidation.Validate"/>): the messages name
/// the field, and the property names are the field names.
/// </summary>
public sealed record DomainContactValues : IValidatableObject
{
    public const int MaxEmail = 254;

    public ContactKind Kind { get; init; }

    [Required(ErrorMessage = "Enter the contact's name.")]
    [StringLength(ContactLimits.Name, ErrorMessage = "Keep the name to {1} characters or fewer.")]
    public string Name { get; init; } = "";

    [StringLength(ContactLimits.Name, ErrorMessage = "Keep the organisation to {1} characters or fewer.")]
    public string? Organisation { get; init; }

    [Required(ErrorMessage = "Enter the contact's email address.")]
    [StringLength(MaxEmail, ErrorMessage = "Keep the email address to {1} characters or fewer.")]
    [EmailAddress(ErrorMessage = "Enter an email address such as name@example.com.")]
    public string Email { get; init; } = "";

    [Required(ErrorMessage = "Enter the contact's phone number.")]
    [StringLength(30, ErrorMessage = "Keep the phone number to {1} characters or fewer.")]
    public string Phone { get; init; } = "";

    [StringLength(ContactLimits.Street, ErrorMessage = "Keep the street to {1} characters or fewer.")]
    public string? Street { get; init; }

    [StringLength(ContactLimits.City, ErrorMessage = "Keep the city to {1} characters or fewer.")]
    public string? City { get; init; }

    [StringLength(ContactLimits.City, ErrorMessage = "Keep the state or region to {1} characters or fewer.")]
    public string? Region { get; init; }

    [StringLength(ContactLimits.PostalCode, ErrorMessage = "Keep the postal code to {1} characters or fewer.")]
    public string? PostalCode { get; init; }

    [Required(ErrorMessage = "Choose the country.")]
    public string CountryCode { get; init; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(CountryCode) && !Countries.IsKnown(CountryCode))
        {
            yield return new("Choose a country from the list.", [nameof(CountryCode)]);
        }
        if (Kind == ContactKind.Organisation && string.IsNullOrWhiteSpace(Organisation))
        {
            yield return new("Enter the organisation's name.", [nameof(Organisation)]);
        }
        if (!string.IsNullOrWhiteSpace(Phone) && Phone.Length <= 30 && E164(Phone) is null)
        {
            yield return new("Enter the phone number in international form: + and the country code, then the number (+49 30 901820).",
                [nameof(Phone)]);
        }
    }

    /// <summary>
    /// These details as they are stored: trimmed, empty values as none, the phone in E.164, the country in upper case.
    /// Only for values <see cref="FormValidation.Validate"/> accepted.
    /// </summary>
    public DomainContactValues Normalised() => this with
    {
        Name = Name.Trim(),
        Organisation = Clean(Organisation),
        Email = Email.Trim(),
        Phone = E164(Phone) ?? Phone.Trim(),
        Street = Clean(Street),
        City = Clean(City),
        Region = Clean(Region),
        PostalCode = Clean(PostalCode) is { } postal ? PostalCodes.Normalize(postal) : null,
        CountryCode = CountryCode.Trim().ToUpperInvariant(),
    };

    /// <summary>"Com 1 Communications (Com 1 Hostmaster)", "Alice Morgan": who the contact is, in one line, for histories.</summary>
    public string Describe() =>
        string.IsNullOrWhiteSpace(Organisation) || Organisation == Name ? Name
        : Kind == ContactKind.Organisation ? $"{Organisation} ({Name})"
        : $"{Name}, {Organisation}";

    // A registry needs the international form: only a number written with + and its country code is accepted.
    private static string? E164(string phone) =>
        phone.TrimStart().StartsWith('+') ? PhoneNumbersRule.ToE164(phone, null) : null;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
