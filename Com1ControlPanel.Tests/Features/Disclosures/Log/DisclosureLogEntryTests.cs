using Com1ControlPanel.Components;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Log;
using static Com1ControlPanel.Tests.Features.Disclosures.Log.LogTestData;
using static Com1ControlPanel.Tests.Kit.TestDisclosures;

namespace Com1ControlPanel.Tests.Features.Disclosures.Log;

public sealed class DisclosureLogEntryTests : ServiceTest
{
    [Fact]
    public async Task A_correction_and_the_entry_it_corrects_point_at_each_other()
    {
        var customer = await Kit.CustomerAsync("corrected");
        var original = await Kit.Disclosures.RecordAsync(NewDisclosure("Acme", description: "Your name."), customer);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Unrelated"), customer);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Acme", description: "Your name and email address.", corrects: original.Id), customer);
        var log = Kit.LogOf(customer);

        var first = await log.GetDetailAsync(1);
        var correction = await log.GetDetailAsync(3);
        var unrelated = await log.GetDetailAsync(2);

        Assert.Equal((false, null, 3), (first!.IsCorrection, first.CorrectsSequence, first.CorrectedBySequence));
        Assert.Equal((true, 1, null), (correction!.IsCorrection, correction.CorrectsSequence, correction.CorrectedBySequence));
        Assert.Equal((false, null, null), (unrelated!.IsCorrection, unrelated.CorrectsSequence, unrelated.CorrectedBySequence));
    }

    [Fact]
    public async Task An_entry_corrected_twice_points_at_the_newest_correction_on_every_page()
    {
        var customer = await Kit.CustomerAsync("twice");
        var original = await Kit.Disclosures.RecordAsync(NewDisclosure("Acme", description: "Your name."), customer);
        // Enough entries between them that the original and its corrections are on different pages.
        await Kit.Disclosures.RecordManyAsync(customer, DisclosureLogService.PageSize + 5);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Acme", description: "Your name and email.", corrects: original.Id), customer);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Acme", description: "Your name, email and phone.", corrects: original.Id), customer);
        var log = Kit.LogOf(customer);

        var all = await AllPagesAsync(log);

        var newest = all.Max(i => i.Sequence);
        Assert.Equal(DisclosureLogService.PageSize + 8, newest);
        Assert.Equal(newest, all.Single(i => i.Sequence == 1).CorrectedBySequence);
        Assert.Equal(newest, (await log.GetDetailAsync(1))!.CorrectedBySequence);
        Assert.Equal([1, 1], all.Where(i => i.IsCorrection).Select(i => i.CorrectsSequence));
        Assert.All(all.Where(i => i.Sequence != 1), i => Assert.Null(i.CorrectedBySequence));
    }

    [Fact]
    public async Task An_entry_says_who_received_what_why_when_and_how_the_customer_was_told()
    {
        var customer = await Kit.CustomerAsync("detail");
        var occurred = new DateTime(2025, 6, 2, 14, 0, 0, DateTimeKind.Utc);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Superior Court", RecipientCategory.CourtOrLegalProcess, DisclosureGround.LegalRequirement,
            DataCategories.Name | DataCategories.CustomerLogs, "Sign-in logs.", "Subpoena CGC-25-612345", occurred), customer);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Registry", RecipientCategory.DomainRegistry, notice: NoticeRule.NoSeparateNotice), customer);

        var item = await Kit.LogOf(customer).GetDetailAsync(1);
        var registry = await Kit.LogOf(customer).GetDetailAsync(2);

        Assert.NotNull(item);
        Assert.Equal(("Superior Court", RecipientCategory.CourtOrLegalProcess, DisclosureGround.LegalRequirement),
            (item.RecipientName, item.RecipientCategory, item.Ground));
        Assert.Equal(DataCategories.Name | DataCategories.CustomerLogs, item.Categories);
        Assert.Equal(("Sign-in logs.", "Subpoena CGC-25-612345", occurred), (item.Description, item.Reference, item.OccurredAt));
        Assert.Equal(DisclosureChain.Genesis, item.PreviousHash);
        Assert.Equal(item.Hash, registry!.PreviousHash);
        // Not told yet: the notice job has not run.
        Assert.Equal("We are telling you by email and in your panel now.", NoticeText.Describe(item.Notice, ViewerTime.Utc));
        Assert.StartsWith("No separate notice", NoticeText.Describe(registry.Notice, ViewerTime.Utc));
    }

    [Fact]
    public async Task The_chart_counts_per_year_by_recipient_category_when_the_log_spans_years()
    {
        var customer = await Kit.CustomerAsync("chart-years");
        await Kit.Disclosures.RecordAsync(NewDisclosure("Registry", RecipientCategory.DomainRegistry, occurredAt: new DateTime(2019, 3, 15, 0, 0, 0, DateTimeKind.Utc)), customer);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Nexa", RecipientCategory.Partner, occurredAt: new DateTime(2025, 3, 10, 0, 0, 0, DateTimeKind.Utc)), customer);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Court", RecipientCategory.CourtOrLegalProcess, occurredAt: new DateTime(2025, 6, 2, 0, 0, 0, DateTimeKind.Utc)), customer);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Court again", RecipientCategory.CourtOrLegalProcess, occurredAt: new DateTime(2025, 9, 2, 0, 0, 0, DateTimeKind.Utc)), customer);

        var chart = await Kit.LogOf(customer).GetChartAsync();

        Assert.False(chart.ByMonth);
        Assert.Equal(["2019", "2020", "2021", "2022", "2023", "2024", "2025"], chart.Periods.Select(p => p.Label));
        Assert.Equal(1, chart.Periods[0][RecipientCategory.DomainRegistry]);
        Assert.Equal((1, 2), (chart.Periods[^1][RecipientCategory.Partner], chart.Periods[^1][RecipientCategory.CourtOrLegalProcess]));
        Assert.Equal(4, chart.Total);
        Assert.Equal([RecipientCategory.Partner, RecipientCategory.CourtOrLegalProcess, RecipientCategory.DomainRegistry], chart.Categories);
    }

    [Fact]
    public async Task The_chart_counts_per_month_when_the_log_spans_under_two_years()
    {
        var customer = await Kit.CustomerAsync("chart-months");
        await Kit.Disclosures.RecordAsync(NewDisclosure("Nexa", RecipientCategory.Partner, occurredAt: new DateTime(2025, 11, 10, 0, 0, 0, DateTimeKind.Utc)), customer);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Court", RecipientCategory.CourtOrLegalProcess, occurredAt: new DateTime(2026, 2, 2, 0, 0, 0, DateTimeKind.Utc)), customer);

        var chart = await Kit.LogOf(customer).GetChartAsync();

        Assert.True(chart.ByMonth);
        Assert.Equal(["Nov 2025", "Dec 2025", "Jan 2026", "Feb 2026"], chart.Periods.Select(p => p.Label));
        Assert.Equal([1, 0, 0, 1], chart.Periods.Select(p => p.Total));
    }
}
