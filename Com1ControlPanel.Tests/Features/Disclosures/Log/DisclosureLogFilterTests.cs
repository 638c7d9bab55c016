using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Log;
using static Com1ControlPanel.Tests.Features.Disclosures.Log.LogTestData;
using static Com1ControlPanel.Tests.Kit.TestDisclosures;

namespace Com1ControlPanel.Tests.Features.Disclosures.Log;

public sealed class DisclosureLogFilterTests : ServiceTest
{
    [Fact]
    public async Task Filters_narrow_the_timeline_by_recipient_reason_data_and_dates()
    {
        var customer = await Kit.CustomerAsync("filtered");
        await Kit.Disclosures.RecordAsync(NewDisclosure("Nexa", RecipientCategory.Partner, DisclosureGround.PartnerProgramme,
            DataCategories.Name | DataCategories.EmailAddress, occurredAt: new DateTime(2025, 3, 10, 9, 0, 0, DateTimeKind.Utc)), customer);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Court", RecipientCategory.CourtOrLegalProcess, DisclosureGround.LegalRequirement,
            DataCategories.CustomerLogs, occurredAt: new DateTime(2025, 6, 2, 14, 0, 0, DateTimeKind.Utc)), customer);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Registry", RecipientCategory.DomainRegistry, DisclosureGround.ProvideService,
            DataCategories.Telephone | DataCategories.DomainRegistration, occurredAt: new DateTime(2019, 3, 15, 0, 0, 0, DateTimeKind.Utc)), customer);
        var log = Kit.LogOf(customer);

        async Task<string[]> Names(DisclosureFilter filter) => [.. (await log.GetPageAsync(filter)).Items.Select(i => i.RecipientName)];

        Assert.Equal(["Court"], await Names(new(Recipient: RecipientCategory.CourtOrLegalProcess)));
        Assert.Equal(["Registry"], await Names(new(Ground: DisclosureGround.ProvideService)));
        Assert.Equal(["Nexa"], await Names(new(Data: DataCategories.EmailAddress)));
        Assert.Equal(["Registry"], await Names(new(Data: DataCategories.DomainRegistration)));
        Assert.Empty(await Names(new(Data: DataCategories.PaymentCard)));
        Assert.Equal(["Court", "Nexa"], await Names(new(OccurredFrom: new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
        // The range is inclusive at the start and exclusive at the end.
        Assert.Equal(["Nexa"], await Names(new(OccurredFrom: new DateTime(2025, 3, 10, 9, 0, 0, DateTimeKind.Utc),
            OccurredBefore: new DateTime(2025, 6, 2, 14, 0, 0, DateTimeKind.Utc))));
        Assert.Equal(["Court"], await Names(new(Recipient: RecipientCategory.CourtOrLegalProcess, OccurredFrom: new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
        Assert.Empty(await Names(new(Recipient: RecipientCategory.Partner, Ground: DisclosureGround.LegalRequirement)));
    }

    [Theory]
    [InlineData("nexa", "Nexa Web Partners")]
    [InlineData("SITE-SPEED", "Nexa Web Partners")]
    [InlineData("cgc-25", "Superior Court")]
    [InlineData("  subpoena ", "Superior Court")]
    public async Task Search_finds_words_in_the_recipient_description_or_reference_in_any_case(string search, string expected)
    {
        var customer = await Kit.CustomerAsync($"search-{Guid.NewGuid():N}");
        await Kit.Disclosures.RecordAsync(NewDisclosure("Nexa Web Partners", RecipientCategory.Partner, DisclosureGround.PartnerProgramme,
            description: "For the site-speed add-on.", reference: "PA-2024-07"), customer);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Superior Court", RecipientCategory.CourtOrLegalProcess, DisclosureGround.LegalRequirement,
            description: "Sign-in logs for March.", reference: "Subpoena CGC-25-612345"), customer);

        var page = await Kit.LogOf(customer).GetPageAsync(new DisclosureFilter(Search: search));

        Assert.Equal([expected], page.Items.Select(i => i.RecipientName));
    }

    [Fact]
    public async Task Search_treats_wildcards_as_plain_text()
    {
        var customer = await Kit.CustomerAsync("wildcards");
        await Kit.Disclosures.RecordAsync(NewDisclosure("Acme", reference: "100% refund"), customer);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Other", reference: "1000 refunds"), customer);

        var page = await Kit.LogOf(customer).GetPageAsync(new DisclosureFilter(Search: "0%"));

        Assert.Equal(["Acme"], page.Items.Select(i => i.RecipientName));
    }

    [Fact]
    public async Task Filtered_pages_follow_the_keyset_too()
    {
        var customer = await Kit.CustomerAsync("filtered-pages");
        // Every third disclosure goes to a partner: 15 of 45.
        await Kit.Disclosures.RecordManyAsync(customer, 45, i => NewDisclosure($"Recipient {i}",
            i % 3 == 0 ? RecipientCategory.Partner : RecipientCategory.ServiceProvider, occurredAt: Start.AddDays(i)));
        var log = Kit.LogOf(customer);
        var partners = new DisclosureFilter(Recipient: RecipientCategory.Partner);

        var first = await log.GetPageAsync(partners);
        var all = await AllPagesAsync(log, partners);

        Assert.Equal(15, first.Items.Count);
        Assert.Null(first.OlderThan);
        Assert.Equal(Enumerable.Range(1, 15).Select(i => i * 3).Reverse(), all.Select(i => i.Sequence));
    }
}
