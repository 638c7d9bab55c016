using System.ComponentModel.DataAnnotations;
using Com1ControlPanel.Features.Billing;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Profile;

namespace Com1ControlPanel.Features.BillingDesk;

/// <summary>
/// A customer's contact data and billing address as billing staff change them for them, with how the customer asked.
/// The rules of the customer's own forms apply (postal code and phone for the country, lengths); the page runs them as
/// staff type and <see cref="BillingContactChanges"/> again before anything is saved.
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

    /// <summary>Invoices go to the postal address; the billing fields below are used only when this is off.</summary>
    public bool BillingSameAsPostal { get; set; } = true;

    [StringLength(ContactLimits.Street, ErrorMessage = "Keep the street to {1} characters or fewer.")]
    public string? BillingStreet { get; set; }

    [StringLength(ContactLimits.City, ErrorMessage = "Keep the city to {1} characters or fewer.")]
    public string? BillingCity { get; set; }

    [StringLength(ContactLimits.City, ErrorMessage = "Keep the state or region to {1} characters or fewer.")]
    public string? BillingRegion { get; set; }

    [StringLength(ContactLimits.PostalCode, ErrorMessage = "Keep the postal code to {1} characters or fewer.")]
    public string? BillingPostalCode { get; set; }

    public string? BillingCountryCode { get; set; }

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
        // So has the customer's billing address form; its fields carry the prefix "Billing" here.
        foreach (var result in AsBillingAddressForm().Validate(validationContext))
        {
            yield return new(result.ErrorMessage, result.MemberNames.Select(name => "Billing" + name).ToArray());
        }
    }

    /// <summary>The values as they are stored: trimmed, postal codes and phones normalised, exactly as the customer's own.</summary>
    public IReadOnlyList<FieldValue> ToFieldValues() => [.. AsProfileForm().ToFieldValues(), .. AsBillingAddressForm().ToFieldValues()];

    public ChangeReason ToReason() => new(Reason!.Value.Label(), string.IsNullOrWhiteSpace(Reference) ? null : Reference.Trim());

    private ProfileForm AsProfileForm() => new()
    {
        FullName = FullName, Company = Company, Street = Street, City = City, Region = Region, PostalCode = PostalCode,
        CountryCode = CountryCode, Phone = Phone, MobilePhone = MobilePhone, Version = Version,
    };

    private BillingAddressForm AsBillingAddressForm() => new()
    {
        SameAsPostal = BillingSameAsPostal, Street = BillingStreet, City = BillingCity, Region = BillingRegion,
        PostalCode = BillingPostalCode, CountryCode = BillingCountryCode, Version = Version,
    };

    /// <summary>The customer's data as stored, with no reason chosen yet: every change needs its own.</summary>
    public static BillingContactForm From(Customer customer)
    {
        var profile = ProfileForm.From(customer);
        var billing = BillingAddressForm.From(customer);
        return new()
        {
            FullName = profile.FullName, Company = profile.Company, Street = profile.Street, City = profile.City,
            Region = profile.Region, PostalCode = profile.PostalCode, CountryCode = profile.CountryCode, Phone = profile.Phone,
            MobilePhone = profile.MobilePhone, Version = profile.Version,
            BillingSameAsPostal = billing.SameAsPostal, BillingStreet = billing.Street, BillingCity = billing.City,
            BillingRegion = billing.Region, BillingPostalCode = billing.PostalCode, BillingCountryCode = billing.CountryCode,
        };
    }
}
