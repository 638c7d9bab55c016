namespace Com1ControlPanel.Features.Customers;

/// <summary>A value one field of the customer's account data is to have, already in the form it is stored in.</summary>
public sealed record FieldValue(ProfileField Field, string? Value);

/// <summary>Where each field of the account data lives on the customer record, read and written as its history shows it.</summary>
internal static class CustomerFields
{
    public const string On = "On";
    public const string Off = "Off";

    public static string? Read(Customer customer, ProfileField field) => field switch
    {
        ProfileField.FullName => customer.FullName,
        ProfileField.Company => customer.Company,
        ProfileField.Street => customer.Street,
        ProfileField.City => customer.City,
        ProfileField.Region => customer.Region,
        ProfileField.PostalCode => customer.PostalCode,
        ProfileField.Country => customer.CountryCode,
        ProfileField.Phone => customer.Phone,
        ProfileField.MobilePhone => customer.MobilePhone,
        ProfileField.SupportApproval => customer.RequireSupportApproval ? On : Off,
        ProfileField.BillingSameAsPostal => customer.BillingSameAsPostal ? On : Off,
        ProfileField.BillingStreet => customer.BillingStreet,
        ProfileField.BillingCity => customer.BillingCity,
        ProfileField.BillingRegion => customer.BillingRegion,
        ProfileField.BillingPostalCode => customer.BillingPostalCode,
        ProfileField.BillingCountry => customer.BillingCountryCode,
        // The sign-in address is Identity's and the card is Billing's: they are changed there and only recorded here.
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "This field is not kept on the customer record."),
    };

    public static void Write(Customer customer, ProfileField field, string? value)
    {
        switch (field)
        {
            case ProfileField.FullName: customer.FullName = value ?? ""; break;
            case ProfileField.Company: customer.Company = value; break;
            case ProfileField.Street: customer.Street = value; break;
            case ProfileField.City: customer.City = value; break;
            case ProfileField.Region: customer.Region = value; break;
            case ProfileField.PostalCode: customer.PostalCode = value; break;
            case ProfileField.Country: customer.CountryCode = value ?? customer.CountryCode; break;
            case ProfileField.Phone: customer.Phone = value; break;
            case ProfileField.MobilePhone: customer.MobilePhone = value; break;
            case ProfileField.SupportApproval: customer.RequireSupportApproval = value == On; break;
            case ProfileField.BillingSameAsPostal: customer.BillingSameAsPostal = value == On; break;
            case ProfileField.BillingStreet: customer.BillingStreet = value; break;
            case ProfileField.BillingCity: customer.BillingCity = value; break;
            case ProfileField.BillingRegion: customer.BillingRegion = value; break;
            case ProfileField.BillingPostalCode: customer.BillingPostalCode = value; break;
            case ProfileField.BillingCountry: customer.BillingCountryCode = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "This field is not kept on the customer record.");
        }
    }
}
