using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Log;
using Com1ControlPanel.Infrastructure.Security;
using static Com1ControlPanel.Tests.Features.Disclosures.Log.LogTestData;
using static Com1ControlPanel.Tests.Kit.TestDisclosures;

namespace Com1ControlPanel.Tests.Features.Disclosures.Log;

public sealed class DisclosureLogPagingTests : ServiceTest
{
    [Fact]
    public async Task A_long_log_pages_newest_first_a_page_at_a_time_without_gaps_or_repeats()
    {
        const int size = DisclosureLogService.PageSize;
        var customer = await Kit.CustomerAsync("paula");
        await Kit.Disclosures.RecordManyAsync(customer, 2 * size + 5);
        var log = Kit.LogOf(customer);

        var first = await log.GetPageAsync(DisclosureFilter.None);
        var second = await log.GetPageAsync(DisclosureFilter.None, first.OlderThan);
        var third = await log.GetPageAsync(DisclosureFilter.None, second.OlderThan);

        Assert.Equal([size, size, 5], new[] { first.Items.Count, second.Items.Count, third.Items.Count });
        Assert.Null(third.OlderThan);
        var sequences = first.Items.Concat(second.Items).Concat(third.Items).Select(i => i.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, 2 * size + 5).Reverse(), sequences);
        Assert.Equal($"Recipient {2 * size + 5}", first.Items[0].RecipientName);
    }

    [Fact]
    public async Task A_log_of_exactly_one_page_offers_nothing_older()
    {
        var customer = await Kit.CustomerAsync("exact");
        await Kit.Disclosures.RecordManyAsync(customer, DisclosureLogService.PageSize);

        var page = await Kit.LogOf(customer).GetPageAsync(DisclosureFilter.None);

        Assert.Equal(DisclosureLogService.PageSize, page.Items.Count);
        Assert.Null(page.OlderThan);
    }

    [Fact]
    public async Task Bob_never_sees_alices_entries_whatever_he_asks()
    {
        var alice = await Kit.CustomerAsync("alice-log");
        var bob = await Kit.CustomerAsync("bob-log");
        await Kit.Disclosures.RecordAsync(NewDisclosure("Alice's court", RecipientCategory.CourtOrLegalProcess, DisclosureGround.LegalRequirement,
            reference: "Case A-1"), alice);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Alice's partner", RecipientCategory.Partner, DisclosureGround.PartnerProgramme), alice);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Bob's data centre"), bob);
        var log = Kit.LogOf(bob);

        var everything = await AllPagesAsync(log);
        var searched = await log.GetPageAsync(new DisclosureFilter(Search: "Alice"));
        var byCategory = await log.GetPageAsync(new DisclosureFilter(Recipient: RecipientCategory.CourtOrLegalProcess));
        var beyondHisLog = await log.GetPageAsync(DisclosureFilter.None, olderThan: int.MaxValue);
        var details = await Task.WhenAll(Enumerable.Range(-1, 5).Select(n => log.GetDetailAsync(n)));
        var chart = await log.GetChartAsync();
        var export = await log.ExportAsync();
        var exported = await export.Entries.ToListAsync();
        var verification = await log.VerifyAsync();

        Assert.Equal(["Bob's data centre"], everything.Select(i => i.RecipientName));
        Assert.Empty(searched.Items);
        Assert.Empty(byCategory.Items);
        Assert.Equal(["Bob's data centre"], beyondHisLog.Items.Select(i => i.RecipientName));
        Assert.Equal(["Bob's data centre"], details.OfType<DisclosureLogItem>().Select(i => i.RecipientName));
        Assert.Equal(1, chart.Total);
        Assert.Equal([bob], exported.Select(e => e.CustomerId));
        Assert.Equal(bob, export.CustomerId);
        Assert.Equal((true, 1), (verification.Intact, verification.TotalEntries));
    }

    [Fact]
    public async Task Staff_and_visitors_get_no_log_at_all()
    {
        var alice = await Kit.CustomerAsync("alice-staff");
        await Kit.Disclosures.RecordAsync(NewDisclosure("Acme"), alice);
        var agent = Kit.As(Principals.Of(alice, "Agent", Roles.SupportAgent)).Get<DisclosureLogService>();
        var visitor = Kit.As(Principals.Visitor).Get<DisclosureLogService>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => agent.GetPageAsync(DisclosureFilter.None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => agent.ExportAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => visitor.VerifyAsync());
    }

    [Fact]
    public async Task An_entry_whose_notice_is_delayed_shows_nowhere_until_it_is_released()
    {
        var customer = await Kit.CustomerAsync("pending");
        await Kit.Disclosures.RecordAsync(NewDisclosure("Registry", RecipientCategory.DomainRegistry), customer);
        await Kit.Disclosures.RecordPendingAsync(customer, "Metro Police Department", Kit.Now.AddYears(1));
        var log = Kit.LogOf(customer);

        var everything = await AllPagesAsync(log);
        var searched = await log.GetPageAsync(new DisclosureFilter(Search: "Metro"));
        var police = await log.GetPageAsync(new DisclosureFilter(Recipient: RecipientCategory.LawEnforcement));
        var chart = await log.GetChartAsync();
        var exported = await (await log.ExportAsync()).Entries.ToListAsync();
        var verification = await log.VerifyAsync();

        Assert.Equal(["Registry"], everything.Select(i => i.RecipientName));
        Assert.Empty(searched.Items);
        Assert.Empty(police.Items);
        Assert.Null(await log.GetDetailAsync(2));
        Assert.Equal(1, chart.Total);
        Assert.DoesNotContain(exported, e => e.RecipientName.Contains("Metro", StringComparison.Ordinal));
        Assert.Equal((true, 1), (verification.Intact, verification.TotalEntries));
    }
}
