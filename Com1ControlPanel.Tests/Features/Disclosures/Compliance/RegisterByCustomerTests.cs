using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Compliance;
using static Com1ControlPanel.Tests.Features.Disclosures.Compliance.ComplianceTestData;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>The register says which customer a single-customer disclosure reached, and finds every disclosure that reached one.</summary>
public sealed class RegisterByCustomerTests : ComplianceTest
{
    private async Task<string> NumberOfAsync(string customerId)
    {
        await using var db = Kit.CreateDbContext();
        return await db.Customers.Where(c => c.Id == customerId).Select(c => c.CustomerNumber).SingleAsync();
    }

    private async Task<Guid> RecordForOneAsync(string customer, string recipient, NoticeRule notice = NoticeRule.NotifyNow) =>
        Assert.IsType<DisclosureRecordResult.Recorded>(await Recorder.RecordAsync(
            Draft(recipientName: recipient, notice: notice, delayedUntil: notice == NoticeRule.DelayedUntil ? Now.AddDays(90) : null),
            DisclosureAudience.One(customer))).Id;

    private async Task<Guid> RecordForGroupAsync(string recipient, params string[] customers)
    {
        var result = await Recorder.RecordAsync(Draft(recipientName: recipient),
            DisclosureAudience.List(string.Join('\n', customers.Select(c => $"{c}@example.com"))));
        await Kit.WriteQueuedAsync();
        return Assert.IsType<DisclosureRecordResult.Writing>(result).Id;
    }

    [Fact]
    public async Task A_single_customer_disclosure_names_the_customer_and_their_number_and_a_group_names_nobody()
    {
        var ann = await Kit.CustomerAsync("ann");
        var ben = await Kit.CustomerAsync("ben");
        var single = await RecordForOneAsync(ann, "County Court");
        var group = await RecordForGroupAsync("Data centre", ann, ben);

        var items = (await Recorder.ListAsync(null, 0)).Items;

        Assert.Equal(new RegisterCustomer("Customer ann", await NumberOfAsync(ann)), items.Single(d => d.Id == single).Customer);
        Assert.Null(items.Single(d => d.Id == group).Customer);
    }

    [Fact]
    public async Task Filtered_by_a_customer_the_register_shows_only_what_reached_them_delayed_notices_included()
    {
        var ann = await Kit.CustomerAsync("ann");
        var ben = await Kit.CustomerAsync("ben");
        var annOnly = await RecordForOneAsync(ann, "County Court");
        var delayed = await RecordForOneAsync(ann, "Metro Police Department", NoticeRule.DelayedUntil);
        var both = await RecordForGroupAsync("Data centre", ann, ben);
        await RecordForOneAsync(ben, "Other Court");

        var page = await Recorder.ListAsync(null, 0, ann);
        var searched = await Recorder.ListAsync("county", 0, ann);

        Assert.Equal(new[] { annOnly, delayed, both }.Order(), page.Items.Select(d => d.Id).Order());
        Assert.Equal(3, page.Total);
        Assert.Equal([annOnly], searched.Items.Select(d => d.Id));
    }

    [Fact]
    public async Task Anyone_but_a_compliance_officer_is_refused_the_search_by_customer()
    {
        await RecordForOneAsync(await Kit.CustomerAsync("ann"), "County Court");
        var agent = await Kit.Staff.NewAgentAsync("Dana Agent");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => RecorderFor(agent.Principal).ListAsync(null, 0, "ann"));
    }
}
