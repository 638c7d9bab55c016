using System.Security.Claims;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Log;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Support;
using static Com1ControlPanel.Tests.Features.Disclosures.Log.LogTestData;

namespace Com1ControlPanel.Tests.Features.Disclosures.Log;

public sealed class DisclosureLogPagingTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly LogTestData data;

    public DisclosureLogPagingTests() => data = new LogTestData(database);

    [Fact]
    public async Task A_long_log_pages_newest_first_in_pages_of_twenty_without_gaps_or_repeats()
    {
        var customer = data.Customer("paula");
        await data.RecordManyAsync(customer, 45);
        var log = data.ServiceFor(customer);

        var first = await log.GetPageAsync(DisclosureFilter.None);
        var second = await log.GetPageAsync(DisclosureFilter.None, first.OlderThan);
        var third = await log.GetPageAsync(DisclosureFilter.None, second.OlderThan);

        Assert.Equal([20, 20, 5], new[] { first.Items.Count, second.Items.Count, third.Items.Count });
        Assert.Null(third.OlderThan);
        var sequences = first.Items.Concat(second.Items).Concat(third.Items).Select(i => i.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, 45).Reverse(), sequences);
        Assert.Equal("Recipient 45", first.Items[0].RecipientName);
    }

    [Fact]
    public async Task A_log_of_exactly_one_page_offers_nothing_older()
    {
        var customer = data.Customer("exact");
        await data.RecordManyAsync(customer, 20);

        var page = await data.ServiceFor(customer).GetPageAsync(DisclosureFilter.None);

        Assert.Equal(20, page.Items.Count);
        Assert.Null(page.OlderThan);
    }

    [Fact]
    public async Task Bob_never_sees_alices_entries_whatever_he_asks()
    {
        var alice = data.Customer("alice-log");
        var bob = data.Customer("bob-log");
        await data.RecordAsync(NewDisclosure("Alice's court", RecipientCategory.CourtOrLegalProcess, DisclosureGround.LegalRequirement,
            reference: "Case A-1"), alice);
        await data.RecordAsync(NewDisclosure("Alice's partner", RecipientCategory.Partner, DisclosureGround.PartnerProgramme), alice);
        await data.RecordAsync(NewDisclosure("Bob's data centre"), bob);
        var log = data.ServiceFor(bob);

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
        var alice = data.Customer("alice-staff");
        await data.RecordAsync(NewDisclosure("Acme"), alice);
        var agent = new DisclosureLogService(database, SignedIn.User(SignedIn.As(alice, "Agent", Roles.SupportAgent)),
            TimeProvider.System);
        var visitor = new DisclosureLogService(database, SignedIn.User(new ClaimsPrincipal()), TimeProvider.System);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => agent.GetPageAsync(DisclosureFilter.None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => agent.ExportAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => visitor.VerifyAsync());
    }

    [Fact]
    public async Task An_entry_whose_notice_is_delayed_shows_nowhere_until_it_is_released()
    {
        var customer = data.Customer("pending");
        await data.RecordAsync(NewDisclosure("Registry", RecipientCategory.DomainRegistry), customer);
        await data.RecordPendingAsync(customer, "Metro Police Department", DateTime.UtcNow.AddYears(1));
        var log = data.ServiceFor(customer);

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

    public void Dispose() => database.Dispose();
}
