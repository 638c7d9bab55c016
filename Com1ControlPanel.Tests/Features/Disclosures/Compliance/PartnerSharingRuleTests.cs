using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Compliance;
using static Com1ControlPanel.Tests.Features.Disclosures.Compliance.ComplianceTestData;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>Customers who opted out of partner sharing never get a partner-programme disclosure recorded against them.</summary>
public sealed class PartnerSharingRuleTests : ComplianceTest
{
    private static DisclosureDraft PartnerDraft() => Draft(DisclosureGround.PartnerProgramme, DataCategories.Name | DataCategories.EmailAddress,
        RecipientCategory.Partner, "Nexa Web Partners Ltd");

    [Fact]
    public async Task A_partner_programme_disclosure_for_a_customer_who_opted_out_is_refused_and_nothing_is_written()
    {
        var customer = await Kit.CustomerAsync("olive", optedOutOfPartnerSharing: true);

        var preview = await Recorder.PreviewAsync(PartnerDraft(), DisclosureAudience.One(customer));
        var result = await Recorder.RecordAsync(PartnerDraft(), DisclosureAudience.One(customer));

        Assert.Equal(new DisclosureReach(0, 1, 0, 0), preview);
        var refused = Assert.IsType<DisclosureRecordResult.Refused>(result);
        Assert.Equal("This customer opted out of sharing their details with Com 1's partners, so the policy does not allow a "
            + "partner-programme disclosure of their data. Nothing was recorded.", refused.Reason);
        Assert.Equal((0, 0, 0, 0, 0, 0), await Kit.WrittenAsync());
        Assert.Empty(Queue.Drain());
    }

    [Fact]
    public async Task The_same_customer_can_still_be_disclosed_on_a_ground_that_is_not_partner_sharing()
    {
        var customer = await Kit.CustomerAsync("olive", optedOutOfPartnerSharing: true);

        var result = await Recorder.RecordAsync(Draft(), DisclosureAudience.One(customer));

        Assert.IsType<DisclosureRecordResult.Recorded>(result);
        Assert.Equal(1, await Kit.CountAsync(db => db.DisclosureEntries.Where(e => e.CustomerId == customer)));
    }

    [Fact]
    public async Task A_group_partner_disclosure_skips_those_who_opted_out_and_says_how_many()
    {
        string[] sharing = [await Kit.CustomerAsync("a"), await Kit.CustomerAsync("b"), await Kit.CustomerAsync("c")];
        string[] optedOut = [await Kit.CustomerAsync("x", optedOutOfPartnerSharing: true), await Kit.CustomerAsync("y", optedOutOfPartnerSharing: true)];

        var preview = await Recorder.PreviewAsync(PartnerDraft(), DisclosureAudience.Everyone);
        var writing = Assert.IsType<DisclosureRecordResult.Writing>(await Recorder.RecordAsync(PartnerDraft(), DisclosureAudience.Everyone));
        await Kit.WriteQueuedAsync();

        Assert.Equal((3, 2), (preview.Reached, preview.OptedOut));
        Assert.Equal(3, writing.Customers);
        await using var db = Kit.CreateDbContext();
        Assert.Equal(sharing, (await db.DisclosureEntries.Where(e => e.DisclosureId == writing.Id).Select(e => e.CustomerId).ToListAsync()).Order());
        Assert.False(await db.DisclosureEntries.AnyAsync(e => optedOut.Contains(e.CustomerId)));
        var summary = Assert.Single((await Recorder.ListAsync(null, 0)).Items);
        Assert.Equal((DisclosureStatus.Recorded, 3, 2), (summary.Status, summary.AffectedCustomers, summary.Counts!.Skipped));
        var told = await db.Notifications.SingleAsync(n => n.UserId == Officer.Id);
        Assert.Equal("The disclosure to Nexa Web Partners Ltd was recorded for 3 customers. 2 were skipped because they opted out of partner sharing.",
            told.Text);
    }

    [Fact]
    public async Task A_pasted_list_reports_opted_out_and_unknown_addresses_apart()
    {
        await Kit.CustomerAsync("a");
        await Kit.CustomerAsync("x", optedOutOfPartnerSharing: true);
        await Kit.CustomerAsync("s", status: Com1ControlPanel.Features.Customers.AccountStatus.Suspended);

        var reach = await Recorder.PreviewAsync(PartnerDraft(),
            DisclosureAudience.List("A@example.com, x@example.com\nnobody@example.com; s@example.com a@example.com"));

        // A listed customer counts whatever the account's status: a closed account keeps its log.
        Assert.Equal(new DisclosureReach(Reached: 2, OptedOut: 1, NotFound: 1, NotActive: 0), reach);
    }
}
