using System.ComponentModel.DataAnnotations;
using Com1ControlPanel.Features.Customers;

namespace Com1ControlPanel.Features.Billing;

/// <summary>
/// Where invoices go: the postal address (the default) or a billing address of its own. The same rules run in the page
/// as the customer types and in <see cref="BillingService"/> before anything is saved.
/// </summary>
public sealed class BillingAddressForm : IValidatableObject
{
    public bool SameAsPostal { get; set; } = true;

    [StringLength(ContactLimits.Street, ErrorMessage = "Keep the street to {1} characters or fewer.")]
    public string? Street { get; set; }

    [StringLength(ContactLimits.City, ErrorMessage = "Keep the city to {1} characters or fewer.")]
    public string? City { get; set; }

    [StringLength(ContactLimits.City, ErrorMessage = "Keep the state or region to {1} characters or fewer.")]
    public string? Region { get; set; }

    [StringLength(ContactLimits.PostalCode, ErrorMessage = "Keep the postal code to {1} characters or fewer.")]
    public string? PostalCode { get; set; }

    public string? CountryCode { get; set; }

    /// <summary>The version of the customer record this form was loaded from.</summary>
    public int Version { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SameAsPostal)
        {
            yield break;
        }
        if (string.IsNullOrWhiteSpace(Street))
        {
            yield return new("Enter the street and house number.", [nameof(Street)]);
        }
        if (string.IsNullOrWhiteSpace(City))
        {
            yield return new("Enter the city.", [nameof(City)]);
        }
        var country = Countries.IsKnown(CountryCode) ? CountryCode : null;
        if (string.IsNullOrWhiteSpace(CountryCode))
        {
            yield return new("Choose the country.", [nameof(CountryCode)]);
        }
        else if (country is null)
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
    }

    /// <summary>The values as stored: with "same as postal address" the billing fields are empty.</summary>
    public IReadOnlyList<FieldValue> ToFieldValues()
    {
        string? Kept(string? value) => SameAsPostal || string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        return
        [
            new(ProfileField.BillingSameAsPostal, SameAsPostal ? CustomerFields.On : CustomerFields.Off),
            new(ProfileField.BillingStreet, Kept(Street)),
            new(ProfileField.BillingCity, Kept(City)),
            new(ProfileField.BillingRegion, Kept(Region)),
            new(ProfileField.BillingPostalCode, Kept(PostalCode) is { } postal ? PostalCodes.Normalize(postal) : null),
            new(ProfileField.BillingCountry, Kept(CountryCode)?.ToUpperInvariant()),
        ];
    }

    public static BillingAddressForm From(Customer customer) => new()
    {
        SameAsPostal = customer.BillingSameAsPostal,
        Street = customer.BillingStreet,
        City = customer.BillingCity,
        Region = customer.BillingRegion,
        PostalCode = customer.BillingPostalCode,
        // A new billing address starts in the customer's own country.
        CountryCode = customer.BillingCountryCode ?? customer.CountryCode,
        Version = customer.Version,
    };
}
