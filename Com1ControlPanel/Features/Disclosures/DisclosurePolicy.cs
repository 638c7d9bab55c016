namespace Com1ControlPanel.Features.Disclosures;

/// <summary>
/// The privacy policy's limits on disclosure, as code: which grounds may carry which data, and how customers are told.
/// The compliance form offers only what this allows, and recording refuses anything else.
/// </summary>
public static class DisclosurePolicy
{
    /// <summary>The only grounds for disclosing the contents of communications.</summary>
    public static readonly IReadOnlySet<DisclosureGround> ContentGrounds = new HashSet<DisclosureGround>
    {
        DisclosureGround.ProvideService,
        DisclosureGround.LegitimateInterests,
        DisclosureGround.LegalRequirement,
        DisclosureGround.InadvertentCrimeEvidence,
    };

    /// <summary>The grounds for disclosing personal and account information other than contents.</summary>
    public static readonly IReadOnlySet<DisclosureGround> AccountDataGrounds = new HashSet<DisclosureGround>
    {
        DisclosureGround.PartnerProgramme,
        DisclosureGround.ProvideService,
        DisclosureGround.BusinessTransfer,
        DisclosureGround.PreventHarm,
        DisclosureGround.LegalRequirement,
    };

    /// <summary>Grounds allowed for every category in <paramref name="categories"/>.</summary>
    public static IReadOnlyList<DisclosureGround> GroundsFor(DataCategories categories)
    {
        IEnumerable<DisclosureGround> grounds = Enum.GetValues<DisclosureGround>();
        if (categories.HasFlag(DataCategories.ContentsOfCommunications))
        {
            grounds = grounds.Where(ContentGrounds.Contains);
        }
        if ((categories & ~DataCategories.ContentsOfCommunications) != DataCategories.None)
        {
            grounds = grounds.Where(AccountDataGrounds.Contains);
        }
        return [.. grounds];
    }

    /// <summary>Notice rules allowed for a ground: a business transfer must be told (now, or when the law allows).</summary>
    public static IReadOnlyList<NoticeRule> NoticeRulesFor(DisclosureGround ground) => ground == DisclosureGround.BusinessTransfer
        ? [NoticeRule.NotifyNow, NoticeRule.DelayedUntil]
        : Enum.GetValues<NoticeRule>();

    /// <summary>All categories that exist.</summary>
    public static DataCategories AllCategories { get; } =
        Enum.GetValues<DataCategories>().Aggregate(DataCategories.None, (all, c) => all | c);
}
