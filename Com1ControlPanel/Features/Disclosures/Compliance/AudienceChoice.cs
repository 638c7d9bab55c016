using Com1ControlPanel.Features.Customers;

namespace Com1ControlPanel.Features.Disclosures.Compliance;

/// <summary>Whose data was disclosed, as the officer fills in the recording form; <see cref="ToAudience"/> is what is sent.</summary>
public sealed class AudienceChoice
{
    public AudienceKind Kind { get; set; } = AudienceKind.OneCustomer;

    /// <summary>The customer picked from the search results, for <see cref="AudienceKind.OneCustomer"/>.</summary>
    public CustomerMatch? Customer { get; set; }

    public Service? Service { get; set; }

    public string Emails { get; set; } = "";

    public DisclosureAudience ToAudience() => Kind switch
    {
        AudienceKind.OneCustomer => new DisclosureAudience(AudienceKind.OneCustomer, CustomerId: Customer?.Id),
        AudienceKind.ServiceCustomers => new DisclosureAudience(AudienceKind.ServiceCustomers, Service: Service),
        AudienceKind.EmailList => DisclosureAudience.List(Emails),
        _ => DisclosureAudience.Everyone,
    };

    /// <summary>Whether enough is chosen to count whom the disclosure reaches.</summary>
    public bool IsComplete => ToAudience().Validate().Count == 0;

    public static string Label(AudienceKind kind) => kind switch
    {
        AudienceKind.OneCustomer => "One customer",
        AudienceKind.AllCustomers => "All active customers",
        AudienceKind.ServiceCustomers => "Active customers of one service",
        AudienceKind.EmailList => "A list of email addresses",
        _ => kind.ToString(),
    };
}
