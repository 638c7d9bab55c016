using System.ComponentModel.DataAnnotations;
using Com1ControlPanel.Features.Customers;

namespace Com1ControlPanel.Features.Profile;

/// <summary>
/// The profile as the customer edits it. The same rules run in the page (as the customer types)
/// and in <see cref="ProfileService"/> (before anything is saved), so a hand-made request gets no further than the form.
/// </summary>
public sealed class ProfileForm : IValidatableObject
{
    [Required(ErrorMessage = "Enter your full name.")]
    [StringLength(ContactLimits.Name, ErrorMessage = "Keep the full name to {1} characters or fewer.")]
    public string FullName { get; set; } = "";

    [StringLength(ContactLimits.Name, ErrorMessage = "Keep the company name to {1} characters or fewer.")]
    public string? Company { get; set; }

    [Required(ErrorMessage = "Enter the street and house number.")]
    [StringLength(ContactLimits.Street, ErrorMessage = "Keep the street to {1} characters or fewer.")]
    public string? Street { get; set; }

    [Required(ErrorMessage = "Enter the city.")]
    [StringLength(ContactLimits.City, ErrorMessage = "Keep the city to {1} characters or fewer.")]
    public string? City { get; set; }

    [StringLength(ContactLimits.City, ErrorMessage = "Keep the state or region to {1} characters or fewer.")]
    public string? Region { get; set; }

    [StringLength(ContactLimits.PostalCode, ErrorMessage = "Keep the postal code to {1} characters or fewer.")]
    public string? PostalCode { get; set; }

    [Required(ErrorMessage = "Choose the country.")]
    public string CountryCode { get; set; } = "";

    [Required(ErrorMessage = "Enter a phone number.")]
    [StringLength(30, ErrorMessage = "Keep the phone number to {1} characters or fewer.")]
    public string? Phone { get; set; }

    [StringLength(30, ErrorMessage = "Keep the mobile phone number to {1} characters or fewer.")]
    public string? MobilePhone { get; set; }

    /// <summary>The version of the profile this form was loaded from.</summary>
    public int Version { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var country = Countries.IsKnown(CountryCode) ? CountryCode : null;
        if (!string.IsNullOrWhiteSpace(CountryCode) && country is null)
        {
            yield return new("Choose a country from the list.", [nameof(CountryCode)]);
        }
        if (string.IsNullOrWhiteSpace(PostalCode))
        {
            if (PostalCodes.IsRequiredIn(country))
            {
                yield return new("Enter the postal code.", [nameof(PostalCode)]);
            }
        }
        else if (PostalCode.Length <= ContactLimits.PostalCode && !PostalCodes.IsValid(PostalCode, country))
        {
            yield return new($"This is not a valid postal code for {Countries.NameOf(country)}.", [nameof(PostalCode)]);
        }
        if (!string.IsNullOrWhiteSpace(Phone) && PhoneNumbersRule.ToE164(Phone, country) is null)
        {
            yield return new(PhoneMessage(country), [nameof(Phone)]);
        }
        if (!string.IsNullOrWhiteSpace(MobilePhone) && PhoneNumbersRule.ToE164(MobilePhone, country) is null)
        {
            yield return new(PhoneMessage(country), [nameof(MobilePhone)]);
        }
    }

    private static string PhoneMessage(string? country) =>
        $"This is not a valid phone number{(country is null ? "" : $" in {Countries.NameOf(country)}")}. "
        + "Check the digits, or start with + and the country code.";

    /// <summary>The form's values as they are stored: trimmed, an empty value as none, postal code and phones normalised.</summary>
    public IReadOnlyList<FieldValue> ToFieldValues()
    {
        var country = CountryCode.Trim().ToUpperInvariant();
        return
        [
            new(ProfileField.FullName, Clean(FullName)),
            new(ProfileField.Company, Clean(Company)),
            new(ProfileField.Street, Clean(Street)),
            new(ProfileField.City, Clean(City)),
            new(ProfileField.Region, Clean(Region)),
            new(ProfileField.PostalCode, Clean(PostalCode) is { } postal ? PostalCodes.Normalize(postal) : null),
            new(ProfileField.Country, country),
            new(ProfileField.Phone, PhoneNumbersRule.ToE164(Phone, country)),
            new(ProfileField.MobilePhone, PhoneNumbersRule.ToE164(MobilePhone, country)),
        ];
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static ProfileForm From(Customer customer) => new()
    {
        FullName = customer.FullName,
        Company = customer.Company,
        Street = customer.Street,
        City = customer.City,
        Region = customer.Region,
        PostalCode = customer.PostalCode,
        CountryCode = customer.CountryCode,
        Phone = PhoneNumbersRule.Display(customer.Phone),
        MobilePhone = PhoneNumbersRule.Display(customer.MobilePhone),
        Version = customer.Version,
    };
}
