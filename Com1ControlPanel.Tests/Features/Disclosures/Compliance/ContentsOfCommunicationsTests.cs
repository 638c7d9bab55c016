using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Compliance;
using static Com1ControlPanel.Tests.Features.Disclosures.Compliance.ComplianceTestData;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>The contents of email and other communications are disclosed only on the four grounds the policy names.</summary>
public sealed class ContentsOfCommunicationsTests : ComplianceTest
{
    [Fact]
    public void The_form_offers_exactly_the_four_grounds_for_contents()
    {
        var draft = new DisclosureDraft { Categories = DataCategories.ContentsOfCommunications };

        Assert.Equal(
            [DisclosureGround.ProvideService, DisclosureGround.LegalRequirement, DisclosureGround.LegitimateInterests,
             DisclosureGround.InadvertentCrimeEvidence],
            draft.AllowedGrounds);
    }

    [Fact]
    public void Contents_with_account_data_offers_only_the_grounds_allowed_for_both()
    {
        var draft = new DisclosureDraft { Categories = DataCategories.ContentsOfCommunications | DataCategories.Name };

        Assert.Equal([DisclosureGround.ProvideService, DisclosureGround.LegalRequirement], draft.AllowedGrounds);
    }

    [Fact]
    public void Account_data_alone_never_offers_the_grounds_reserved_for_contents()
    {
        var draft = new DisclosureDraft { Categories = DataCategories.Name | DataCategories.PaymentCard };

        Assert.DoesNotContain(DisclosureGround.LegitimateInterests, draft.AllowedGrounds);
        Assert.DoesNotContain(DisclosureGround.InadvertentCrimeEvidence, draft.AllowedGrounds);
        Assert.Contains(DisclosureGround.PartnerProgramme, draft.AllowedGrounds);
    }

    [Theory]
    [InlineData(DisclosureGround.PartnerProgramme, "A selected partner programme")]
    [InlineData(DisclosureGround.BusinessTransfer, "Business transfer (merger or sale of assets)")]
    [InlineData(DisclosureGround.PreventHarm, "To identify or act against someone causing harm")]
    public async Task Contents_on_any_other_ground_are_refused_at_the_ground_and_nothing_is_written(DisclosureGround ground, string named)
    {
        var customer = await Kit.CustomerAsync("alice");

        var result = await Recorder.RecordAsync(
            Draft(ground, DataCategories.ContentsOfCommunications, RecipientCategory.LawEnforcement), DisclosureAudience.One(customer));

        var invalid = Assert.IsType<DisclosureRecordResult.Invalid>(result);
        Assert.Equal(
            $"The policy does not allow disclosing the contents of communications on the ground “{named}”.",
            Assert.Single(invalid.Errors[nameof(DisclosureDraft.Ground)]));
        Assert.Equal((0, 0, 0, 0, 0, 0), await Kit.WrittenAsync());
    }

    [Theory]
    [InlineData(DisclosureGround.ProvideService)]
    [InlineData(DisclosureGround.LegitimateInterests)]
    [InlineData(DisclosureGround.LegalRequirement)]
    [InlineData(DisclosureGround.InadvertentCrimeEvidence)]
    public async Task Contents_on_each_of_the_four_grounds_are_recorded(DisclosureGround ground)
    {
        var customer = await Kit.CustomerAsync("alice");

        var result = await Recorder.RecordAsync(
            Draft(ground, DataCategories.ContentsOfCommunications, RecipientCategory.LawEnforcement), DisclosureAudience.One(customer));

        Assert.IsType<DisclosureRecordResult.Recorded>(result);
        Assert.Equal(1, await Kit.CountAsync(db => db.DisclosureEntries));
    }
}
