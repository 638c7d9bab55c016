using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Compliance;
using static Com1ControlPanel.Tests.Features.Disclosures.Compliance.ComplianceTestData;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>The background writer adds a group disclosure to every customer's chain, batch by batch, with the chains intact.</summary>
public sealed class DisclosureWriterTests : ComplianceTest
{
    /// <summary>More customers than one batch, straight into the database, as many as the benchmark's would be.</summary>
    private async Task<int> ManyCustomersAsync(int count)
    {
        // i with leading zeros to a width: SQLite has printf, PostgreSQL lpad.
        string Padded(int width) => Kit.Database.Sql($"printf('%0{width}d', i)", $"lpad(i::text, {width}, '0')");
        var numbers = $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})";
        await using var db = Kit.CreateDbContext();
        var users = $"""
            {numbers}
            INSERT INTO "AspNetUsers" ("Id", "DisplayName", "UserName", "Email", "NormalizedEmail", "EmailConfirmed",
                "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            SELECT 'bulk-' || {Padded(6)}, 'Bulk', 'bulk' || {Padded(6)} || '@example.net', 'bulk' || {Padded(6)} || '@example.net',
                'BULK' || {Padded(6)} || '@EXAMPLE.NET', TRUE, FALSE, FALSE, TRUE, 0 FROM n
            """;
        var customers = $"""
            {numbers}
            INSERT INTO "Customers" ("Id", "CustomerNumber", "Status", "CustomerSince", "FullName", "CountryCode", "Version",
                "RequireSupportApproval", "BillingSameAsPostal")
            SELECT 'bulk-' || {Padded(6)}, 'B-' || {Padded(7)}, 'Active', '2020-01-01 00:00:00', 'Bulk', 'US', 1, FALSE, TRUE FROM n
            """;
        await db.Database.ExecuteSqlRawAsync(users);
        await db.Database.ExecuteSqlRawAsync(customers);
        return count;
    }

    [Fact]
    public async Task A_group_larger_than_a_batch_gets_one_verified_entry_per_customer_on_top_of_their_existing_logs()
    {
        var earlier = await Kit.CustomerAsync("alice");
        await Recorder.RecordAsync(Draft(), DisclosureAudience.One(earlier));
        var customers = await ManyCustomersAsync(DisclosureWriter.BatchSize + 17) + 1;

        var writing = Assert.IsType<DisclosureRecordResult.Writing>(await Recorder.RecordAsync(
            Draft(DisclosureGround.BusinessTransfer, DataCategories.Name, RecipientCategory.Acquirer, "Nimbus Hosting Group plc"),
            DisclosureAudience.Everyone));
        Assert.Equal(customers, writing.Customers);
        await Kit.WriteQueuedAsync();

        await using var db = Kit.CreateDbContext();
        var disclosure = await db.Disclosures.AsNoTracking().SingleAsync(d => d.Id == writing.Id);
        Assert.Equal((DisclosureStatus.Recorded, customers), (disclosure.Status, disclosure.AffectedCustomers));
        Assert.Equal(customers, await db.DisclosureEntries.CountAsync(e => e.DisclosureId == writing.Id));
        Assert.Equal(customers, await db.DisclosureChainHeads.CountAsync());
        // Every head is the entry just written, and every chain links as it should.
        Assert.False(await db.DisclosureChainHeads.AnyAsync(h =>
            !db.DisclosureEntries.Any(e => e.CustomerId == h.CustomerId && e.Sequence == h.Sequence && e.Hash == h.Hash && e.DisclosureId == writing.Id)));
        Assert.Equal(2, (await Kit.VerifyChainAsync(earlier)).VerifiedEntries);
        foreach (var customer in new[] { "bulk-000001", "bulk-005000", "bulk-005001", $"bulk-{customers - 1:D6}" })
        {
            var chain = await Kit.VerifyChainAsync(customer);
            Assert.True(chain.Intact, $"{customer}: {chain.Problem}");
            Assert.Equal(1, chain.VerifiedEntries);
        }
    }

    [Fact]
    public async Task A_second_group_moves_every_chain_on_and_each_entry_links_to_the_first()
    {
        string[] customers = [await Kit.CustomerAsync("a"), await Kit.CustomerAsync("b"), await Kit.CustomerAsync("c")];
        await Recorder.RecordAsync(Draft(), DisclosureAudience.Everyone);
        await Recorder.RecordAsync(Draft(recipientName: "Court of Appeal"), DisclosureAudience.Everyone);

        await Kit.WriteQueuedAsync();

        await using var db = Kit.CreateDbContext();
        foreach (var customer in customers)
        {
            var log = await db.DisclosureEntries.AsNoTracking().Where(e => e.CustomerId == customer).OrderBy(e => e.Sequence).ToListAsync();
            Assert.Equal([1, 2], log.Select(e => e.Sequence));
            Assert.Equal((DisclosureChain.Genesis, log[0].Hash), (log[0].PreviousHash, log[1].PreviousHash));
            Assert.True((await Kit.VerifyChainAsync(customer)).Intact);
        }
    }

    [Fact]
    public async Task A_delayed_group_is_written_as_pending_entries_that_no_log_shows_yet()
    {
        await Kit.CustomerAsync("a");
        await Kit.CustomerAsync("b");

        var writing = Assert.IsType<DisclosureRecordResult.Writing>(await Recorder.RecordAsync(
            Draft(notice: NoticeRule.DelayedUntil, delayedUntil: Now.Date.AddDays(90)), DisclosureAudience.Everyone));
        await Kit.WriteQueuedAsync();

        await using var db = Kit.CreateDbContext();
        Assert.Equal(2, (await db.Disclosures.SingleAsync(d => d.Id == writing.Id)).AffectedCustomers);
        Assert.Equal(2, await db.PendingDisclosureEntries.CountAsync(p => p.ReleaseAt == Now.Date.AddDays(90)));
        Assert.Equal(0, await db.DisclosureEntries.CountAsync());
    }

    [Fact]
    public async Task While_a_group_is_written_the_register_shows_how_far_it_got()
    {
        await Kit.CustomerAsync("a");
        await Kit.CustomerAsync("b");
        var writing = Assert.IsType<DisclosureRecordResult.Writing>(await Recorder.RecordAsync(Draft(), DisclosureAudience.Everyone));

        var queued = Assert.Single((await Recorder.ListAsync(null, 0)).Items);
        await Kit.WriteQueuedAsync();
        var written = Assert.Single((await Recorder.ListAsync(null, 0)).Items);

        Assert.Equal((writing.Id, true, 0, 2, 0.0), (queued.Id, queued.InProgress, queued.AffectedCustomers, queued.Total, queued.Percent));
        Assert.Equal((false, 2, 100.0), (written.InProgress, written.AffectedCustomers, written.Percent));
    }
}
