namespace Com1ControlPanel.Features.Customers;

/// <summary>
/// What happens to a closed account's data, and when: the one place the periods and the anonymisation rules are written.
/// At closing, services, marketing and sign-in end and nothing is removed. After <see cref="RetentionOptions.ClosedAccountDays"/>
/// (30) the personal data nothing requires goes: the profile, card, domain contacts, sign-in networks and browsers, passkeys
/// and authenticator, emails and notifications. The records the law keeps (disclosure log, consent records, the history of
/// changes) stay, with the customer number where they named the customer. <see cref="LegalRecordYears"/> (six) years
/// after closing the disclosure log and consent records go too.
/// </summary>
public static class RetentionRules
{
    public const int DefaultClosedAccountDays = 30;

    /// <summary>How long the disclosure log and consent records are kept after the account closed (the privacy policy's promise).</summary>
    public const int LegalRecordYears = 6;

    /// <summary>The domain of the sign-in address a closed account keeps: reserved by RFC 2606, so nothing is ever delivered.</summary>
    public const string PlaceholderDomain = "closed.invalid";

    public static DateTime AnonymiseFrom(DateTime closedAt, int closedAccountDays) => closedAt.AddDays(closedAccountDays);

    public static bool IsAnonymisationDue(DateTime closedAt, DateTime now, int closedAccountDays) =>
        now >= AnonymiseFrom(closedAt, closedAccountDays);

    public static DateTime KeepRecordsUntil(DateTime closedAt) => closedAt.AddYears(LegalRecordYears);

    public static bool IsRecordRemovalDue(DateTime closedAt, DateTime now) => now >= KeepRecordsUntil(closedAt);

    /// <summary>
    /// The customer record once anonymised: the customer number stands for the name; company, addresses and phones go. The
    /// country stays (it says which law applies to the records kept), and so do the status, dates and services.
    /// </summary>
    public static void Anonymise(Customer customer)
    {
        customer.FullName = customer.CustomerNumber;
        customer.Company = null;
        customer.Street = null;
        customer.City = null;
        customer.Region = null;
        customer.PostalCode = null;
        customer.Phone = null;
        customer.MobilePhone = null;
        customer.BillingSameAsPostal = true;
        customer.BillingStreet = null;
        customer.BillingCity = null;
        customer.BillingRegion = null;
        customer.BillingPostalCode = null;
        customer.BillingCountryCode = null;
        customer.StatusMessage = null;
        customer.TimeZone = null;
    }

    /// <summary>Fields whose old and new values the history no longer keeps: they locate or reach the customer.</summary>
    public static readonly IReadOnlySet<ProfileField> ValuesRemovedFromHistory = new HashSet<ProfileField>
    {
        ProfileField.Company, ProfileField.Street, ProfileField.City, ProfileField.Region, ProfileField.PostalCode,
        ProfileField.Phone, ProfileField.MobilePhone, ProfileField.Email, ProfileField.BillingStreet, ProfileField.BillingCity,
        ProfileField.BillingRegion, ProfileField.BillingPostalCode,
    };

    /// <summary>
    /// What a history row keeps of a value once the account is anonymised: a name becomes the customer number, contact data
    /// goes, and the rest (country, status, card brand and last four, domain names, settings) stays as recorded.
    /// </summary>
    public static string? HistoryValue(ProfileField field, string? value, string customerNumber) => field switch
    {
        _ when value is null => null,
        ProfileField.FullName => customerNumber,
        _ when ValuesRemovedFromHistory.Contains(field) => null,
        _ => value,
    };

    /// <summary>
    /// The name a kept record shows for whoever acted: the customer themselves become their customer number; Com 1 staff
    /// and the panel keep their names, as staff are accountable for what they did.
    /// </summary>
    public static string ActorName(string actorUserId, string actorName, string customerId, string customerNumber) =>
        actorUserId == customerId ? customerNumber : actorName;

    /// <summary>
    /// The sign-in address of an anonymised account: unique (the customer number is), never delivered, and not the old
    /// address, which can register again.
    /// </summary>
    public static string PlaceholderEmail(string customerNumber) =>
        $"closed-{new string([.. customerNumber.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')])}@{PlaceholderDomain}";

    /// <summary>What a sign-in record keeps of the network and browser once shortened: nothing.</summary>
    public const string RemovedClient = "";

    /// <summary>Each table that holds a closed customer's data, and what happens to its rows at each step.</summary>
    public static readonly IReadOnlyList<TableRetention> Tables =
    [
        new("Customers", Treatment.Anonymised, Treatment.Kept, "The customer number the kept records refer to."),
        new("AspNetUsers", Treatment.Anonymised, Treatment.Kept, "No password; an address nobody receives, so the old one can register again."),
        new("AspNetUserPasskeys", Treatment.Removed, Treatment.Removed, "Ways to sign in to an account that cannot sign in."),
        new("AspNetUserTokens", Treatment.Removed, Treatment.Removed, "The authenticator key and recovery codes."),
        new("AspNetUserLogins", Treatment.Removed, Treatment.Removed, "External sign-ins."),
        new("PaymentCards", Treatment.Removed, Treatment.Removed, "The card on file and the gateway's token."),
        new("GatewayCustomers", Treatment.Removed, Treatment.Removed, "The customer as the payment gateway knew them."),
        new("DomainContacts", Treatment.Anonymised, Treatment.Kept, "A natural person's name and contact details go."),
        new("DomainChanges", Treatment.Anonymised, Treatment.Kept, "Permanent history; the customer's name becomes their number."),
        new("TechnicalContactMoveSteps", Treatment.Anonymised, Treatment.Kept, "Permanent history; the customer's name becomes their number."),
        new("ProfileChanges", Treatment.Anonymised, Treatment.Kept, "Permanent history: who changed what and when stays, contact values go."),
        new("SignInRecords", Treatment.Shortened, Treatment.Kept, "Date, method and outcome stay; network and browser go."),
        new("ConsentRecords", Treatment.Anonymised, Treatment.Removed, $"Proof of consent, kept {LegalRecordYears} years after closing."),
        new("ConsentStates", Treatment.Kept, Treatment.Removed, "Every switch off since closing."),
        new("DisclosureEntries", Treatment.Kept, Treatment.Removed, $"The disclosure log, kept {LegalRecordYears} years after closing; it names nobody, so its hash chain stays intact."),
        new("DisclosureNotices", Treatment.Kept, Treatment.Removed, "When the customer was told of each disclosure."),
        new("DisclosureChainHeads", Treatment.Kept, Treatment.Removed, "The head of the disclosure log's hash chain."),
        new("PendingDisclosureEntries", Treatment.Kept, Treatment.Removed, "Disclosures whose notice the law delays."),
        new("Notifications", Treatment.Removed, Treatment.Removed, "Panel notifications."),
        new("OutboxMessages", Treatment.Removed, Treatment.Removed, "Copies of the emails sent, once delivered."),
        new("HelpRequests", Treatment.Anonymised, Treatment.Kept, "What the customer wrote goes; when it was asked, its status and its sessions stay."),
        new("HelpRequestSteps", Treatment.Anonymised, Treatment.Kept, "Permanent history; the customer's name becomes their number."),
    ];

    public static TableRetention For(string table) => Tables.Single(t => t.Table == table);
}

/// <summary>What happens to a table's rows of a closed account after 30 days, and after six years.</summary>
public sealed record TableRetention(string Table, Treatment AfterClosedAccountDays, Treatment AfterLegalRecordYears, string Why);

public enum Treatment
{
    Kept,
    /// <summary>The rows stay; the customer's name becomes their number and contact data goes.</summary>
    Anonymised,
    /// <summary>The rows stay with less in them.</summary>
    Shortened,
    Removed,
}

/// <summary>Settings <c>Retention:*</c>.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>How many days after closing the personal data nothing requires is removed.</summary>
    public int ClosedAccountDays { get; set; } = RetentionRules.DefaultClosedAccountDays;
}
