using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Features.Customers;

/// <summary>One field of a customer's account data changed: kept for good, shown as "Recent changes".</summary>
public sealed class ProfileChange
{
    public long Id { get; init; }
    public required string CustomerId { get; init; }
    public required ProfileField Field { get; init; }
    public string? OldValue { get; init; }
    public string? NewValue { get; init; }
    public DateTime ChangedAt { get; init; }

    /// <summary>The person who really made the change (an agent, not the customer, in a support session).</summary>
    public required string ActorUserId { get; init; }
    public required string ActorName { get; init; }
    public ChangeSource Source { get; init; }
    /// <summary>The support session the change was made in, if any.</summary>
    public Guid? SupportSessionId { get; init; }

    /// <summary>Why staff made the change (how the customer asked, or why the account was suspended); the customer reads it.</summary>
    public string? Reason { get; init; }
    /// <summary>Staff's reference for the change, such as a ticket number.</summary>
    public string? Reference { get; init; }
}

/// <summary>The account data a customer can see and change, named as the profile page labels them.</summary>
public enum ProfileField
{
    FullName,
    Company,
    Street,
    City,
    Region,
    PostalCode,
    Country,
    Phone,
    MobilePhone,
    Email,
    /// <summary>"Support must ask me before accessing my account", stored as On or Off.</summary>
    SupportApproval,
    /// <summary>"Billing address same as postal address", stored as On or Off.</summary>
    BillingSameAsPostal,
    BillingStreet,
    BillingCity,
    BillingRegion,
    BillingPostalCode,
    BillingCountry,
    /// <summary>The card on file, kept by the Billing feature: only its brand, last four digits and expiry are written here.</summary>
    PaymentCard,
    /// <summary>Active, Suspended or Closed: changed by Com 1 billing, never by the customer.</summary>
    AccountStatus,
    /// <summary>
    /// Whether the registry publishes a domain's personal contact details, kept by the Domains feature: the values name the
    /// domain ("morgandaughters.example: Published").
    /// </summary>
    DomainContactPublication,
    /// <summary>A domain's Technical Contact, kept by the Domains feature: the values name the domain and the contact.</summary>
    DomainTechnicalContact,
    /// <summary>The closed account's personal data, removed by the retention job: the values say what happened, never the data.</summary>
    PersonalData,
}

public static class ProfileFieldLabels
{
    public static string Label(this ProfileField field) => field switch
    {
        ProfileField.FullName => "Full name",
        ProfileField.Company => "Company",
        ProfileField.Street => "Street",
        ProfileField.City => "City",
        ProfileField.Region => "State or region",
        ProfileField.PostalCode => "Postal code",
        ProfileField.Country => "Country",
        ProfileField.Phone => "Phone",
        ProfileField.MobilePhone => "Mobile phone",
        ProfileField.Email => "Email address",
        ProfileField.SupportApproval => "Support must ask before accessing my account",
        ProfileField.BillingSameAsPostal => "Billing address same as postal address",
        ProfileField.BillingStreet => "Billing street",
        ProfileField.BillingCity => "Billing city",
        ProfileField.BillingRegion => "Billing state or region",
        ProfileField.BillingPostalCode => "Billing postal code",
        ProfileField.BillingCountry => "Billing country",
        ProfileField.PaymentCard => "Payment card",
        ProfileField.AccountStatus => "Account status",
        ProfileField.DomainContactPublication => "Domain contact publication",
        ProfileField.DomainTechnicalContact => "Domain Technical Contact",
        ProfileField.PersonalData => "Personal data",
        _ => field.ToString(),
    };
}
