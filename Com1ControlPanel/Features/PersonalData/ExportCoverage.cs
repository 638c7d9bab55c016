using Com1ControlPanel.Features.PersonalData.Sections;

namespace Com1ControlPanel.Features.PersonalData;

/// <summary>
/// The one place that says, for every table of the database, where its rows about a customer go in "Download my data", or
/// why they stay out. The download is written from <see cref="Sections"/> in this order; the README's format section and
/// the completeness test are made from the same lists, so a new table cannot slip past all three.
/// </summary>
public static class ExportCoverage
{
    /// <summary>The value of the document's <c>format</c> field: raised when a field changes meaning or goes.</summary>
    public const string Format = "com1-personal-data-v1";

    public static IReadOnlyList<ExportSection> Sections { get; } =
    [
        new("account", "Your sign-in account: email address, display name, phone, whether two-factor sign-in is on, roles, "
            + "external sign-ins, and your passkeys' names and dates",
            ["AspNetUsers", "AspNetUserLogins", "AspNetUserPasskeys", "AspNetUserRoles"], AccountSection.ReadAsync,
            "password hash, security stamp, concurrency stamp, passkeys' public keys and credential ids"),
        new("profile", "Your account data: name, company, postal address, phone numbers, billing address, whether support "
            + "must ask before accessing your account, and the time zone your browser last reported (for the times in emails)", ["Customers"], ProfileSection.ReadAsync, "the record's version counter"),
        new("profileChanges", "Every change to your account data: what changed, from what to what, when, who really made it, "
            + "and the reason staff gave", ["ProfileChanges"], ProfileChangesSection.ReadAsync, "staff members' user ids"),
        new("services", "The services you subscribe to and their plans", ["ServiceSubscriptions"], ServicesSection.ReadAsync),
        new("accountStatus", "Your account status: active or suspended, why, Com 1 billing's message and when it changed",
            ["Customers"], AccountStatusSection.ReadAsync),
        new("paymentCard", "Your card on file as the panel keeps it (brand, last four digits, expiry, name, billing address), "
            + "and the card page links billing emailed you", ["PaymentCards", "CardPageLinks", "Customers"],
            PaymentCardSection.ReadAsync, "the gateway's reference to the card and the links' token hashes"),
        new("domains", "Your domains: dates, status, name servers, the four contacts, whether their details are published, "
            + "and each domain's history", ["Domains", "DomainContacts", "DomainChanges"], DomainsSection.ReadAsync),
        new("technicalContactMoves", "Your requests to move a domain's Technical Contact, with every step",
            ["TechnicalContactMoves", "TechnicalContactMoveSteps"], TechnicalContactMovesSection.ReadAsync),
        new("consent", "Your marketing and sharing choices as they stand, every change with the privacy policy version in "
            + "force, and the unsubscribe links you used", ["ConsentStates", "ConsentRecords", "UnsubscribeRedemptions"],
            ConsentSection.ReadAsync, "the unsubscribe links themselves"),
        new("cookieChoice", "Your answer to the cookie banner", ["ConsentStates"], CookieChoiceSection.ReadAsync),
        new("disclosureLog", "Your disclosure log with its hashes, so you can verify the chain yourself, and when you were told "
            + "of each entry", ["Disclosures", "DisclosureEntries", "DisclosureChainHeads", "DisclosureNotices"],
            DisclosureLogSection.ReadAsync),
        new("support", "Support sessions in your account with what was done in them, support's requests for access and your "
            + "answers, and support's refused attempts", ["SupportSessions", "SupportAccessRequests", "SupportAttempts"],
            SupportSection.ReadAsync, "the sessions' hand-back keys and agents' security stamp hashes, staff members' user ids"),
        new("helpRequests", "Your requests for help as you wrote them, how long support could act in your account for each, "
            + "and every step: asked, sessions started, closed and by whom", ["HelpRequests", "HelpRequestSteps"],
            HelpRequestsSection.ReadAsync, "the requests' version counters and staff members' user ids"),
        new("signIns", "Your sign-ins: when, how, from which network and browser, and whether they worked", ["SignInRecords"],
            SignInsSection.ReadAsync),
        new("notifications", "Your panel notifications and whether you read them", ["Notifications"],
            NotificationsSection.ReadAsync),
        new("emails", "The emails Com 1 sent about your account, as the Messages page shows them", ["OutboxMessages"],
            EmailsSection.ReadAsync, "the messages' bodies (they may hold one-time links), unsubscribe links and delivery errors"),
        new("policies", "The privacy policy versions you were shown and told about", ["PolicyAcknowledgements", "PolicyNotices"],
            PoliciesSection.ReadAsync),
        new("staffSearches", "When Com 1 staff searched for your customer number", ["StaffSearchRecords"],
            StaffSearchesSection.ReadAsync, "who searched"),
    ];

    public static IReadOnlyList<ExportExclusion> Exclusions { get; } =
    [
        new("AspNetUserTokens", "Your authenticator key and recovery codes: secrets that let whoever holds them sign in as you; and an email address change waiting for its confirmation link, which Account data shows"),
        new("AspNetUserClaims", "The panel stores no claims of its own per account; your sign-in is built from the account"),
        new("AspNetRoles", "The names of the panel's roles, the same for everyone; yours are under account"),
        new("AspNetRoleClaims", "Permissions of roles, not of a person"),
        new("CardTokenRedemptions", "Payment gateway tokens already spent: gateway secrets; the card they gave is under paymentCard"),
        new("GatewayCustomers", "Your reference at the payment gateway: a gateway secret, useless to anyone but the gateway"),
        new("PendingDisclosureEntries", "Disclosures whose notice the law delays: they join your disclosure log, and this file, "
            + "when the delay ends"),
        new("DisclosureWriteJobs", "What the background writer needs to finish a group disclosure: whom the officer chose "
            + "(kept only until every entry is written) and how many it reached; yours is under disclosureLog once written"),
        new("PageViewCounts", "Page views counted per day and page: no visitor, customer or address is stored"),
        new("Announcements", "Marketing announcements as staff wrote them, the same for everyone; the ones you got are under emails"),
        new("PolicyVersions", "The privacy policy's versions: public at /privacy, not personal; the ones you saw are under policies"),
        new("AccountClosures", "When and by whom an account was closed, for the retention job: a closed account cannot sign in "
            + "to download, and its closing email and history say the same"),
        new("RetentionRuns", "Counts of what each retention run changed, per table: no customer is named in them"),
        new("DataProtectionKeys", "The panel's own keys for cookies and account links: secrets of the panel, not about anyone"),
    ];

    /// <summary>Where <paramref name="table"/> goes: the names of its sections, or its exclusion; nothing when it is not covered.</summary>
    public static IReadOnlyList<string> SectionsOf(string table) =>
        [.. Sections.Where(s => s.Tables.Contains(table)).Select(s => s.Name)];

    public static ExportExclusion? ExclusionOf(string table) => Exclusions.FirstOrDefault(e => e.Table == table);
}

/// <summary>
/// One top-level field of the download: its name, what it holds in plain words, the tables it reads, how it is read, and
/// what of those tables it leaves out (secrets, internal counters).
/// </summary>
public sealed record ExportSection(
    string Name, string Contents, IReadOnlyList<string> Tables, Func<ExportScope, CancellationToken, Task<object?>> ReadAsync,
    string? LeftOut = null);

/// <summary>A table whose rows stay out of the download, and why.</summary>
public sealed record ExportExclusion(string Table, string Reason);
