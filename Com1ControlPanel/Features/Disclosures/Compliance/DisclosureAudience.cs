using Com1ControlPanel.Features.Customers;

namespace Com1ControlPanel.Features.Disclosures.Compliance;

/// <summary>Whose data was disclosed.</summary>
public enum AudienceKind
{
    /// <summary>One customer, found by name, email, phone or domain.</summary>
    OneCustomer,
    /// <summary>Every active customer.</summary>
    AllCustomers,
    /// <summary>Active customers who subscribe to one service.</summary>
    ServiceCustomers,
    /// <summary>The customers with the email addresses pasted in.</summary>
    EmailList,
}

/// <summary>
/// The customers a disclosure affects, as the officer chose them. For a correction it is ignored: a correction goes to the
/// customers of the disclosure it corrects.
/// </summary>
public sealed record DisclosureAudience(AudienceKind Kind, string? CustomerId = null, Service? Service = null, string? Emails = null)
{
    /// <summary>The most addresses one pasted list may hold; a larger group is a service or everyone.</summary>
    public const int MaxEmails = 10_000;

    public static DisclosureAudience One(string customerId) => new(AudienceKind.OneCustomer, CustomerId: customerId);

    public static DisclosureAudience Everyone { get; } = new(AudienceKind.AllCustomers);

    public static DisclosureAudience Subscribers(Service service) => new(AudienceKind.ServiceCustomers, Service: service);

    public static DisclosureAudience List(string emails) => new(AudienceKind.EmailList, Emails: emails);

    /// <summary>The distinct addresses in a pasted list, upper-cased as Identity stores them for look-up.</summary>
    public static IReadOnlyList<string> NormalizedEmails(string? pasted) =>
        [.. (pasted ?? "").Split([' ', '\t', '\r', '\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Trim().Trim('<', '>', '"', '\'').ToUpperInvariant())
            .Where(e => e.Length > 0)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Problems with the audience itself (whether a customer exists is checked against the database).</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        switch (Kind)
        {
            case AudienceKind.OneCustomer when string.IsNullOrWhiteSpace(CustomerId):
                errors[nameof(CustomerId)] = ["Find and choose the customer whose data was disclosed."];
                break;
            case AudienceKind.ServiceCustomers when Service is not { } service || !Enum.IsDefined(service):
                errors[nameof(Service)] = ["Choose a service from the list."];
                break;
            case AudienceKind.EmailList:
                var count = NormalizedEmails(Emails).Count;
                if (count == 0)
                {
                    errors[nameof(Emails)] = ["Paste the customers' email addresses, one per line or separated by commas."];
                }
                else if (count > MaxEmails)
                {
                    errors[nameof(Emails)] = [$"Paste at most {MaxEmails:N0} addresses; for a larger group choose a service or all customers."];
                }
                break;
            case AudienceKind.OneCustomer or AudienceKind.AllCustomers or AudienceKind.ServiceCustomers:
                break;
            default:
                errors[nameof(Kind)] = ["Choose whose data was disclosed from the list."];
                break;
        }
        return errors;
    }
}
