using System.ComponentModel.DataAnnotations;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Profile;

namespace Com1ControlPanel.Features.BillingDesk;

/// <summary>
/// A customer's contact data as billing staff change it for them, with how the customer asked. The rules of the
/// customer's own form apply (postal code and phone for the country, lengths); the page runs them as staff type and
/// <see cref="BillingContactChanges"/> again before anything is saved.
/// </summary>
public sealed class BillingContactForm : IValidatableObject
{
    [Required(ErrorMessage = "Enter the customer's full name.")]
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

    /// <summary>How the customer asked for the change; the customer reads it in their history.</summary>
    [Required(ErrorMessage = "Choose how the customer asked for the change.")]
    public HowAsked? Reason { get; set; }

    [StringLength(ChangeReason.MaxReference, ErrorMessage = "Keep the reference to {1} characters or fewer.")]
    public string? Reference { get; set; }

    /// <summary>The version of the customer's data this form was loaded from.</summary>
    public int Version { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Reason is { } reason && !Enum.IsDefined(reason))
        {
            yield return new("Choose how the customer asked for the change.", [nameof(Reason)]);
        }
        // The customer's own form has the rules for postal codes and phone numbers; its fields have the same names.
        foreach (var result in AsProfileForm().Validate(validationContext))
        {
            yield return result;
        }
    }

    /// <summary>The values as they are stored: trimmed, postal code and phones normalised, exactly as the customer's own.</summary>
    public IReadOnlyList<FieldValue> ToFieldValues() => AsProfileForm().ToFieldValues();

    public ChangeReason ToReason() => new(Reason!.Value.Label(), string.IsNullOrWhiteSpace(Reference) ? null : Reference.Trim());

    private ProfileForm AsProfileForm() => new()
    {
        FullName = FullName, Company = Company, Street = Street, City = City, Region = Region, PostalCode = PostalCode,
        CountryCode = CountryCode, Phone = Phone, MobilePhone = MobilePhone, Version = Version,
    };

    /// <summary>The customer's data as stored, with no reason chosen yet: every change needs its own.</summary>
    public static BillingContactForm From(Customer customer)
    {
        var profile = ProfileForm.From(customer);
        return new()
        {
            FullName = profile.FullName, Company = profile.Company, Street = profile.Street, City = profile.City,
            Region = profile.Region, PostalCode = profile.PostalCode, CountryCode = profile.CountryCode, Phone = profile.Phone,
            MobilePhone = profile.MobilePhone, Version = profile.Version,
        };
    }
}
