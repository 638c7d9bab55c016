using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Compliance;
using static Com1ControlPanel.Tests.Features.Disclosures.Compliance.ComplianceTestData;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>
/// A group write lives in the database, not in the instance that began it: when that instance dies after some batches,
/// the job's next run (on any instance) writes the rest, and nobody gets the entry twice.
/// </summary>
public sealed class DisclosureWriteResumeTests : ComplianceTest
{
    [Fact]
    public async Task A_write_cut_short_is_finished_by_the_next_run_and_nobody_gets_the_entry_twice()
    {
        var customers = new List<string>();
        foreach (var name in new[] { "ada", "ben", "cyd", "dee", "eve" })
        {
            customers.Add(await Kit.CustomerAsync(name));
        }
        var writing = Assert.IsType<DisclosureRecordResult.Writing>(await Recorder.RecordAsync(Draft(), DisclosureAudience.Everyone));
        // What a run that died after its first batch leaves behind: two customers' entries, counted, in one transaction.
        var firstBatch = customers.Order(StringComparer.Ordinal).Take(2).ToArray();
        await Kit.Get<DisclosureLedger>().ExclusiveAsync(async () =>
        {
            await using var db = Kit.CreateDbContext();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var disclosure = await db.Disclosures.AsNoTracking().SingleAsync(d => d.Id == writing.Id);
            await Kit.Get<DisclosureLedger>().AppendNowAsync(db, disclosure, firstBatch);
            await db.Disclosures.Where(d => d.Id == writing.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.AffectedCustomers, 2));
            await transaction.CommitAsync();
            return true;
        });

        await Kit.WriteQueuedAsync();

        await using var check = Kit.CreateDbContext();
        var entries = await check.DisclosureEntries.Where(e => e.DisclosureId == writing.Id).Select(e => e.CustomerId).ToListAsync();
        Assert.Equal(customers.Order(StringComparer.Ordinal), entries.Order(StringComparer.Ordinal));
        var stored = await check.Disclosures.SingleAsync(d => d.Id == writing.Id);
        Assert.Equal((DisclosureStatus.Recorded, 5), (stored.Status, stored.AffectedCustomers));
        foreach (var customer in customers)
        {
            var chain = await Kit.VerifyChainAsync(customer);
            Assert.True(chain.Intact, $"{customer}: {chain.Problem}");
        }
    }

    [Fact]
    public async Task The_audience_is_kept_until_the_write_ends_and_the_counts_stay_for_the_register()
    {
        await Kit.CustomerAsync("ada");
        await Kit.CustomerAsync("ben");
        var writing = Assert.IsType<DisclosureRecordResult.Writing>(await Recorder.RecordAsync(Draft(), DisclosureAudience.Everyone));
        await using (var db = Kit.CreateDbContext())
        {
            var queued = await db.DisclosureWriteJobs.AsNoTracking().SingleAsync(j => j.DisclosureId == writing.Id);
            Assert.Equal(DisclosureAudience.Everyone, StoredAudience.Deserialize(queued.Audience!));
        }

        await Kit.WriteQueuedAsync();

        await using var check = Kit.CreateDbContext();
        var done = await check.DisclosureWriteJobs.AsNoTracking().SingleAsync(j => j.DisclosureId == writing.Id);
        Assert.Equal((null, 2, 0), (done.Audience, done.TotalCustomers, done.SkippedCustomers));
        var listed = Assert.Single((await Recorder.ListAsync(null, 0)).Items);
        Assert.Equal(2, listed.Total);
    }

    [Fact]
    public async Task A_write_whose_audience_is_not_stored_is_marked_failed_rather_left_writing()
    {
        await Kit.CustomerAsync("ada");
        var writing = Assert.IsType<DisclosureRecordResult.Writing>(await Recorder.RecordAsync(Draft(), DisclosureAudience.Everyone));
        await using (var db = Kit.CreateDbContext())
        {
            await db.DisclosureWriteJobs.Where(j => j.DisclosureId == writing.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Audience, (string?)null));
        }

        await Kit.WriteQueuedAsync();

        await using var check = Kit.CreateDbContext();
        Assert.Equal(DisclosureStatus.Failed, (await check.Disclosures.SingleAsync(d => d.Id == writing.Id)).Status);
        Assert.Equal(0, await check.DisclosureEntries.CountAsync(e => e.DisclosureId == writing.Id));
    }
}
