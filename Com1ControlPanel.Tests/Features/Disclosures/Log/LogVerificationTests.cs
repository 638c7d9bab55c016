using Com1ControlPanel.Features.Disclosures;
using static Com1ControlPanel.Tests.Features.Disclosures.Log.LogTestData;
using static Com1ControlPanel.Tests.Kit.TestDisclosures;

namespace Com1ControlPanel.Tests.Features.Disclosures.Log;

/// <summary>
/// "Verify this log" against someone with write access to the SQLite file: they drop the triggers that keep the log
/// permanent and then change, remove or reorder rows directly.
/// </summary>
public sealed class LogVerificationTests : ServiceTest
{
    private string customer = null!;

    protected override async Task ArrangeAsync() => customer = await Kit.CustomerAsync("verified");

    private async Task ThreeEntriesAsync()
    {
        await Kit.Disclosures.RecordAsync(NewDisclosure("Registry", RecipientCategory.DomainRegistry, occurredAt: new DateTime(2019, 3, 15, 10, 0, 0, DateTimeKind.Utc)), customer);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Nexa Web Partners", RecipientCategory.Partner, occurredAt: new DateTime(2025, 3, 10, 9, 30, 0, DateTimeKind.Utc)), customer);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Superior Court", RecipientCategory.CourtOrLegalProcess, occurredAt: new DateTime(2025, 6, 2, 14, 0, 0, DateTimeKind.Utc)), customer);
    }

    [Fact]
    public async Task An_untouched_log_verifies_with_its_count_and_head_hash()
    {
        await ThreeEntriesAsync();
        var log = Kit.LogOf(customer);

        var result = await log.VerifyAsync();

        Assert.True(result.Intact);
        Assert.Equal((3, 3), (result.VerifiedEntries, result.TotalEntries));
        Assert.Equal((await log.GetDetailAsync(3))!.Hash, result.HeadHash);
        Assert.Contains("Verified 3 entries", result.Explanation);
    }

    [Fact]
    public async Task A_disclosure_changed_in_the_database_is_named_by_its_entry()
    {
        await ThreeEntriesAsync();
        await Kit.Database.DropRuleAsync("Disclosures_NoUpdate", "Disclosures");
        await Kit.Database.TamperAsync($"""
            UPDATE "Disclosures" SET "Description" = {"Nothing much."}
            WHERE "Id" = (SELECT "DisclosureId" FROM "DisclosureEntries" WHERE "CustomerId" = {customer} AND "Sequence" = 2)
            """);

        var result = await Kit.LogOf(customer).VerifyAsync();

        Assert.False(result.Intact);
        Assert.Equal(ChainProblem.EntryChanged, result.Problem);
        Assert.Equal((2, "Nexa Web Partners"), (result.Entry!.Sequence, result.Entry.RecipientName));
        Assert.Equal(new DateTime(2025, 3, 10, 9, 30, 0, DateTimeKind.Utc), result.Entry.OccurredAt);
        Assert.Equal(1, result.VerifiedEntries);
        Assert.StartsWith("Entry #2 no longer matches what was recorded", result.Explanation);
    }

    [Fact]
    public async Task A_changed_recipient_category_is_found_too()
    {
        await ThreeEntriesAsync();
        await Kit.Database.DropRuleAsync("Disclosures_NoUpdate", "Disclosures");
        await Kit.Database.TamperAsync($"""
            UPDATE "Disclosures" SET "RecipientCategory" = 'ServiceProvider'
            WHERE "Id" = (SELECT "DisclosureId" FROM "DisclosureEntries" WHERE "CustomerId" = {customer} AND "Sequence" = 3)
            """);

        var result = await Kit.LogOf(customer).VerifyAsync();

        Assert.Equal((ChainProblem.EntryChanged, 3), (result.Problem, result.Entry!.Sequence));
    }

    [Fact]
    public async Task An_entry_removed_from_the_middle_is_found()
    {
        await ThreeEntriesAsync();
        await Kit.Database.DropRuleAsync("DisclosureEntries_NoDelete", "DisclosureEntries");
        await Kit.Database.TamperAsync($"DELETE FROM \"DisclosureEntries\" WHERE \"CustomerId\" = {customer} AND \"Sequence\" = 2");

        var result = await Kit.LogOf(customer).VerifyAsync();

        Assert.Equal(ChainProblem.EntryMissingOrMoved, result.Problem);
        Assert.Equal((3, "Superior Court"), (result.Entry!.Sequence, result.Entry.RecipientName));
        Assert.StartsWith("Entry #2 is missing: the log goes from entry #1 straight to entry #3.", result.Explanation);
    }

    [Fact]
    public async Task The_newest_entry_removed_is_found_through_the_head()
    {
        await ThreeEntriesAsync();
        await Kit.Database.DropRuleAsync("DisclosureEntries_NoDelete", "DisclosureEntries");
        await Kit.Database.TamperAsync($"DELETE FROM \"DisclosureEntries\" WHERE \"CustomerId\" = {customer} AND \"Sequence\" = 3");

        var result = await Kit.LogOf(customer).VerifyAsync();

        Assert.Equal(ChainProblem.NewestEntriesMissing, result.Problem);
        Assert.Equal("The newest entries were removed: your log should have 3 entries, but only 2 are left.", result.Explanation);
    }

    [Fact]
    public async Task Reordered_entries_are_found()
    {
        await ThreeEntriesAsync();
        await Kit.Database.DropRuleAsync("DisclosureEntries_NoUpdate", "DisclosureEntries");
        // Swap the places of entries 2 and 3 (through a free number: the pair is unique).
        await Kit.Database.TamperAsync($"UPDATE \"DisclosureEntries\" SET \"Sequence\" = -2 WHERE \"CustomerId\" = {customer} AND \"Sequence\" = 2");
        await Kit.Database.TamperAsync($"UPDATE \"DisclosureEntries\" SET \"Sequence\" = 2 WHERE \"CustomerId\" = {customer} AND \"Sequence\" = 3");
        await Kit.Database.TamperAsync($"UPDATE \"DisclosureEntries\" SET \"Sequence\" = 3 WHERE \"CustomerId\" = {customer} AND \"Sequence\" = -2");

        var result = await Kit.LogOf(customer).VerifyAsync();

        Assert.Equal(ChainProblem.EntryMissingOrMoved, result.Problem);
        Assert.Equal((2, "Superior Court"), (result.Entry!.Sequence, result.Entry.RecipientName));
        Assert.StartsWith("Entry #2 does not link to the entry before it", result.Explanation);
    }

    [Fact]
    public async Task Another_customers_entry_moved_into_the_log_is_found()
    {
        await ThreeEntriesAsync();
        var other = await Kit.CustomerAsync("other");
        await Kit.Disclosures.RecordAsync(NewDisclosure("Harmless"), other);
        await Kit.Database.DropRuleAsync("DisclosureEntries_NoDelete", "DisclosureEntries");
        await Kit.Database.DropRuleAsync("DisclosureEntries_NoUpdate", "DisclosureEntries");
        await Kit.Database.TamperAsync($"DELETE FROM \"DisclosureEntries\" WHERE \"CustomerId\" = {customer} AND \"Sequence\" = 3");
        await Kit.Database.TamperAsync($"UPDATE \"DisclosureEntries\" SET \"CustomerId\" = {customer}, \"Sequence\" = 3 WHERE \"CustomerId\" = {other}");

        var result = await Kit.LogOf(customer).VerifyAsync();

        Assert.False(result.Intact);
        Assert.Equal(3, result.Entry!.Sequence);
    }

    [Fact]
    public async Task A_log_longer_than_one_batch_is_verified_to_its_end()
    {
        await Kit.Disclosures.RecordManyAsync(customer, 1003);
        var log = Kit.LogOf(customer);
        var intact = await log.VerifyAsync();
        await Kit.Database.DropRuleAsync("Disclosures_NoUpdate", "Disclosures");
        await Kit.Database.TamperAsync($"""
            UPDATE "Disclosures" SET "RecipientName" = {"Someone else"}
            WHERE "Id" = (SELECT "DisclosureId" FROM "DisclosureEntries" WHERE "CustomerId" = {customer} AND "Sequence" = 1002)
            """);

        var broken = await log.VerifyAsync();

        Assert.Equal((true, 1003), (intact.Intact, intact.VerifiedEntries));
        Assert.Equal((ChainProblem.EntryChanged, 1002, 1001), (broken.Problem, broken.Entry!.Sequence, broken.VerifiedEntries));
    }

    [Fact]
    public async Task An_empty_log_has_nothing_to_verify()
    {
        var result = await Kit.LogOf(customer).VerifyAsync();

        Assert.Equal((true, 0), (result.Intact, result.TotalEntries));
        Assert.Equal("Your log has no entries yet, so there is nothing to verify.", result.Explanation);
    }
}
