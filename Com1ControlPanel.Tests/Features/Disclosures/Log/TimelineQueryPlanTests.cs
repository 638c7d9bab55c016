using Com1ControlPanel.Features.Disclosures.Log;
using Com1ControlPanel.Data;
using Microsoft.Data.Sqlite;

namespace Com1ControlPanel.Tests.Features.Disclosures.Log;

/// <summary>
/// A timeline page stays a handful of index probes however long the customer's log is. Asked of SQLite's query plan, not
/// of a clock: finding which later entry corrects one on the page must not walk the customer's whole log. SQLite's plan,
/// so on SQLite whatever COM1_TEST_PROVIDER says.
/// </summary>
public sealed class TimelineQueryPlanTests() : ServiceTest(provider: DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task A_page_finds_a_correction_s_entry_with_one_probe_rather_than_walking_the_customer_s_log()
    {
        await using var db = Kit.CreateDbContext();

        var page = await PlanAsync(DisclosureLogQueries.PageRows(db, "customer", DisclosureFilter.None, int.MaxValue, 21).ToQueryString());
        var correction = await PlanAsync(DisclosureLogQueries.EntryFor(db, "customer", Guid.NewGuid()).ToQueryString());

        // The page itself walks the customer's entries backwards from the cursor; every other step is a probe.
        Assert.Contains(page, step => step.Contains("IX_DisclosureEntries_CustomerId_Sequence (CustomerId=? AND Sequence<?)"));
        Assert.DoesNotContain(page, step => step.Contains("(CustomerId=?)"));
        Assert.Contains(correction, step => step.Contains("(DisclosureId=? AND CustomerId=?)"));
    }

    /// <summary>SQLite's plan for a query as EF Core prints it (its ".param set" lines give the parameters).</summary>
    private async Task<List<string>> PlanAsync(string printed)
    {
        var lines = printed.Split('\n');
        await using var connection = new SqliteConnection($"Data Source={Kit.Database.Path}");
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param set ", StringComparison.Ordinal)));
        foreach (var parameter in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = parameter.Split(' ', 4);
            explain.Parameters.AddWithValue(parts[2], parts[3].Trim().Trim('\''));
        }
        var steps = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }
        return steps;
    }
}
