using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Compliance;
using static Com1ControlPanel.Tests.Features.Disclosures.Compliance.ComplianceTestData;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>
/// On PostgreSQL, the app's own writers build disclosure chains that verify: one disclosure through the ledger, and a group
/// larger than a batch through the background writer, whose prepared multi-row statements (PreparedSave) PostgreSQL runs
/// as SQLite does.
/// </summary>
[Trait("Category", "PostgreSQL")]
public sealed class DisclosureWriterOnPostgreSqlTests() : ComplianceTest(DatabaseProvider.PostgreSQL)
{
    /// <summary>
    /// More customers than one batch, straight into the database. Every column that needs a value is named: the PostgreSQL
    /// schema comes from the model, without the defaults SQLite's later migrations gave the columns they added.
    /// </summary>
    private async Task<int> ManyCustomersAsync(int count)
    {
        await using var db = Kit.CreateDbContext();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AspNetUsers" ("Id", "DisplayName", "UserName", "Email", "NormalizedEmail", "EmailConfirmed", "PhoneNumberConfirmed",
                "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            SELECT format('bulk-%s', lpad(i::text, 6, '0')), 'Bulk', format('bulk%s@example.net', lpad(i::text, 6, '0')),
                format('bulk%s@example.net', lpad(i::text, 6, '0')), format('BULK%s@EXAMPLE.NET', lpad(i::text, 6, '0')),
                TRUE, FALSE, FALSE, TRUE, 0
            FROM generate_series(1, {count}) AS i
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Customers" ("Id", "CustomerNumber", "Status", "CustomerSince", "FullName", "CountryCode", "Version", "RequireSupportApproval")
            SELECT format('bulk-%s', lpad(i::text, 6, '0')), format('B-%s', lpad(i::text, 7, '0')), 'Active',
                TIMESTAMPTZ '2020-01-01 00:00:00Z', 'Bulk', 'US', 1, FALSE
            FROM generate_series(1, {count}) AS i
            """);
        return count;
    }

    [Fact]
    public async Task One_disclosure_through_the_ledger_makes_a_chain_that_verifies()
    {
        var customer = await Kit.CustomerAsync("alice");

        await Recorder.RecordAsync(Draft(), DisclosureAudience.One(customer));
        await Recorder.RecordAsync(Draft(recipientName: "Court of Appeal"), DisclosureAudience.One(customer));

        var chain = await Kit.VerifyChainAsync(customer);
        Assert.True(chain.Intact, $"{chain.Problem}");
        Assert.Equal(2, chain.VerifiedEntries);
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
        await Kit.WriteQueuedAsync();

        await using var db = Kit.CreateDbContext();
        var disclosure = await db.Disclosures.AsNoTracking().SingleAsync(d => d.Id == writing.Id);
        Assert.Equal((DisclosureStatus.Recorded, customers), (disclosure.Status, disclosure.AffectedCustomers));
        Assert.Equal(customers, await db.DisclosureEntries.CountAsync(e => e.DisclosureId == writing.Id));
        Assert.Equal(customers, await db.DisclosureChainHeads.CountAsync());
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
}
