namespace Com1ControlPanel.Features.Disclosures;

/// <summary>Who received the data.</summary>
public enum RecipientCategory
{
    Partner,
    ServiceProvider,
    LawEnforcement,
    CourtOrLegalProcess,
    Acquirer,
    DomainRegistry,
}

/// <summary>The grounds on which Com 1's privacy policy lets it disclose customer data: a closed list.</summary>
public enum DisclosureGround
{
    /// <summary>A selected partner programme; customers may opt out (partner sharing).</summary>
    PartnerProgramme,
    /// <summary>Necessary to provide the service to the customer.</summary>
    ProvideService,
    /// <summary>A business transfer such as a merger or a sale of assets; affected customers are told.</summary>
    BusinessTransfer,
    /// <summary>To identify, contact or act against someone causing harm to Com 1, its customers or others.</summary>
    PreventHarm,
    /// <summary>Required by law or legal process (including interception orders and warrants).</summary>
    LegalRequirement,
    /// <summary>Contents of communications only: to protect the legitimate interests of Com 1 and its customers.</summary>
    LegitimateInterests,
    /// <summary>Contents of communications only: obtained inadvertently and appearing to pertain to a crime.</summary>
    InadvertentCrimeEvidence,
}

/// <summary>The kinds of data a disclosure can contain.</summary>
[Flags]
public enum DataCategories
{
    None = 0,
    Name = 1,
    PostalAddress = 1 << 1,
    Telephone = 1 << 2,
    EmailAddress = 1 << 3,
    PaymentCard = 1 << 4,
    AccountStatus = 1 << 5,
    ChoiceOfServices = 1 << 6,
    CustomerLogs = 1 << 7,
    ContentsOfCommunications = 1 << 8,
    DomainRegistration = 1 << 9,
    WebsiteUsage = 1 << 10,
}

/// <summary>How the customer is told about a disclosure.</summary>
public enum NoticeRule
{
    /// <summary>An entry in their log at once, with an email and a panel notification.</summary>
    NotifyNow,
    /// <summary>The law requires silence until a date: the entry stays hidden until then, then appears and is notified.</summary>
    DelayedUntil,
    /// <summary>No separate notice (for example the public domain registry): the entry appears in the log without a message.</summary>
    NoSeparateNotice,
}

public static class DisclosureLabels
{
    public static IEnumerable<DataCategories> Each(this DataCategories categories) =>
        Enum.GetValues<DataCategories>().Where(c => c != DataCategories.None && categories.HasFlag(c));

    public static string Label(this RecipientCategory category) => category switch
    {
        RecipientCategory.Partner => "Partner",
        RecipientCategory.ServiceProvider => "Service provider",
        RecipientCategory.LawEnforcement => "Law enforcement",
        RecipientCategory.CourtOrLegalProcess => "Court or other legal process",
        RecipientCategory.Acquirer => "Acquirer in a business transfer",
        RecipientCategory.DomainRegistry => "Domain registry",
        _ => category.ToString(),
    };

    public static string Label(this DisclosureGround ground) => ground switch
    {
        DisclosureGround.PartnerProgramme => "A selected partner programme",
        DisclosureGround.ProvideService => "Necessary to provide the service",
        DisclosureGround.BusinessTransfer => "Business transfer (merger or sale of assets)",
        DisclosureGround.PreventHarm => "To identify or act against someone causing harm",
        DisclosureGround.LegalRequirement => "Required by law or legal process",
        DisclosureGround.LegitimateInterests => "To protect the legitimate interests of Com 1 and its customers",
        DisclosureGround.InadvertentCrimeEvidence => "Obtained by accident and appearing to concern a crime",
        _ => ground.ToString(),
    };

    public static string Label(this DataCategories category) => category switch
    {
        DataCategories.Name => "Name",
        DataCategories.PostalAddress => "Postal address",
        DataCategories.Telephone => "Telephone",
        DataCategories.EmailAddress => "Email address",
        DataCategories.PaymentCard => "Payment card data",
        DataCategories.AccountStatus => "Account status",
        DataCategories.ChoiceOfServices => "Choice of services",
        DataCategories.CustomerLogs => "Customer logs",
        DataCategories.ContentsOfCommunications => "Contents of email and other communications",
        DataCategories.DomainRegistration => "Domain registration data",
        DataCategories.WebsiteUsage => "Website usage data",
        _ => string.Join(", ", category.Each().Select(Label)),
    };
}
