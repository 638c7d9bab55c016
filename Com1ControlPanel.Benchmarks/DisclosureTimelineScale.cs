using System.Diagnostics;
using System.Text.Json;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Log;
using Microsoft.Data.Sqlite;

namespace Com1ControlPanel.Benchmarks;

/// <summary>
/// How fast a customer's disclosure timeline opens when the log holds 10,000,000 entries: the newest page and a deep page
/// (page 50 of a 1,009-entry log), each through the app's own query (EF Core) and through the same query written by hand
/// as SQL. Goals: p99 under 5 ms, and EF Core's median within 1.3 times the hand-written SQL's.
/// </summary>
internal static class DisclosureTimelineScale
{
    private const double P99GoalMs = 5;
    private const double EfRatioGoal = 1.3;
    private const int PageSize = DisclosureLogService.PageSize;
    // Enough for .NET to finish optimising the hot code (tiered compilation): with 300, EF Core's first pages ran twice as slow.
    private const int WarmUps = 3_000;
    private const int Runs = 3_000;

    /// <summary>The cursor of page 50 in a 1,009-entry log: sequences 30 down to 11 (page 1 shows 1,009 down to 990).</summary>
    private const int DeepCursor = TimelineSeeder.EntriesPerLongLog - PageSize * 49;

    private const string PageSql = """
        SELECT e.Sequence, e.DisclosureId, d.OccurredAt, d.RecordedAt, e.AddedAt, d.RecipientName, d.RecipientCategory,
               d.Ground, d.Categories, d.Description, d.Reference, d.NoticeRule, d.NoticeDelayedUntil,
               (SELECT n.NotifiedAt FROM DisclosureNotices n WHERE n.EntryId = e.Id),
               d.CorrectsId IS NOT NULL,
               (SELECT c.Sequence FROM DisclosureEntries c WHERE c.CustomerId = $me AND c.DisclosureId = d.CorrectsId LIMIT 1),
               e.PreviousHash, e.Hash
        FROM DisclosureEntries e JOIN Disclosures d ON d.Id = e.DisclosureId
        WHERE e.CustomerId = $me AND e.Sequence < $cursor
        ORDER BY e.Sequence DESC
        LIMIT $take
        """;

    private const string CorrectionsSql = "SELECT Id, CorrectsId FROM Disclosures WHERE CorrectsId IN (SELECT value FROM json_each($shown))";

    private const string CorrectingEntrySql = "SELECT Sequence FROM DisclosureEntries WHERE DisclosureId = $id AND CustomerId = $me LIMIT 1";

    public static async Task<int> RunAsync(int customers, string? databasePath)
    {
        var seeded = databasePath is not null && File.Exists(databasePath);
        using var database = new BenchmarkDatabase(keep: databasePath is not null, path: databasePath);
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, load average {Machine.LoadAverage()}");
        Console.WriteLine($"Database: {database.Path}");
        if (seeded)
        {
            Console.WriteLine("Using the entries already in it (delete the file to seed anew).");
        }
        else
        {
            Console.WriteLine($"Seeding {TimelineSeeder.EntriesFor(customers):N0} entries across {customers:N0} customers...");
            TimelineSeeder.Seed(database.ConnectionString, customers);
        }
        var (entries, customersInLog) = Count(database.ConnectionString);
        Console.WriteLine($"The log holds {entries:N0} entries of {customersInLog:N0} customers; file {new FileInfo(database.Path).Length / 1e9:N1} GB.");
        Console.WriteLine();

        var random = new Random(11);
        var longLogs = customersInLog / TimelineSeeder.LongLogEvery;
        var scenarios = new (string Name, Func<(string Customer, int? Cursor)> Pick)[]
        {
            ("Newest page, any customer", () => (TimelineSeeder.CustomerId(random.Next(customersInLog)), null)),
            ("Newest page of a 1,009-entry log", () => (TimelineSeeder.CustomerId(random.Next(longLogs) * TimelineSeeder.LongLogEvery), null)),
            ("Page 50 of a 1,009-entry log", () => (TimelineSeeder.CustomerId(random.Next(longLogs) * TimelineSeeder.LongLogEvery), DeepCursor)),
        };

        var met = true;
        Console.WriteLine($"{"Page",-36} {"EF p50",8} {"EF p99",8} {"SQL p50",8} {"SQL p99",8} {"EF/SQL",7}");
        foreach (var (name, pick) in scenarios)
        {
            await CheckSameAsync(database, pick());
            for (var i = 0; i < WarmUps; i++)
            {
                var (customer, cursor) = pick();
                await EfPageAsync(database, customer, cursor);
                await SqlPageAsync(database.ConnectionString, customer, cursor);
            }
            var ef = new List<double>(Runs);
            var sql = new List<double>(Runs);
            for (var i = 0; i < Runs; i++)
            {
                // The same customer through both, in turn, so both meet the same state of the caches.
                var (customer, cursor) = pick();
                var clock = Stopwatch.StartNew();
                await EfPageAsync(database, customer, cursor);
                ef.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                await SqlPageAsync(database.ConnectionString, customer, cursor);
                sql.Add(clock.Elapsed.TotalMilliseconds);
            }
            var (efP50, efP99, sqlP50, sqlP99) = (Percentile(ef, 50), Percentile(ef, 99), Percentile(sql, 50), Percentile(sql, 99));
            var ratio = efP50 / sqlP50;
            Console.WriteLine($"{name,-36} {efP50,6:N2}ms {efP99,6:N2}ms {sqlP50,6:N2}ms {sqlP99,6:N2}ms {ratio,7:N2}");
            met &= efP99 < P99GoalMs && ratio <= EfRatioGoal;
        }
        Console.WriteLine();
        Console.WriteLine($"{Runs:N0} pages each after {WarmUps} warm-ups. Goals: EF Core p99 under {P99GoalMs} ms and EF Core's median "
            + $"within {EfRatioGoal} times the hand-written SQL's: {(met ? "goals met." : "goal MISSED.")}");
        return met ? 0 : 1;
    }

    /// <summary>The app's own page query, as the timeline runs it: a new context from the factory per page.</summary>
    private static async Task<DisclosurePage> EfPageAsync(BenchmarkDatabase database, string customer, int? cursor)
    {
        await using var db = database.CreateDbContext();
        return await DisclosureLogQueries.PageAsync(db, customer, DisclosureFilter.None, cursor, PageSize, CancellationToken.None);
    }

    /// <summary>The same page by hand: the same statements, a pooled connection set up as the app's are.</summary>
    private static async Task<DisclosurePage> SqlPageAsync(string connectionString, string customer, int? cursor)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var tuning = connection.CreateCommand())
        {
            tuning.CommandText = "PRAGMA mmap_size = 268435456;";
            await tuning.ExecuteNonQueryAsync();
        }
        var rows = new List<DisclosureLogItem>(PageSize + 1);
        await using (var page = connection.CreateCommand())
        {
            page.CommandText = PageSql;
            page.Parameters.AddWithValue("$me", customer);
            page.Parameters.AddWithValue("$cursor", cursor ?? int.MaxValue);
            page.Parameters.AddWithValue("$take", PageSize + 1);
            await using var reader = await page.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(Read(reader));
            }
        }
        rows = await WithCorrectionsAsync(connection, customer, rows);
        return rows.Count > PageSize ? new DisclosurePage(rows[..PageSize], rows[PageSize - 1].Sequence) : new DisclosurePage(rows, null);
    }

    private static DisclosureLogItem Read(SqliteDataReader r) => new(
        r.GetInt32(0), r.GetGuid(1), r.GetDateTime(2), r.GetDateTime(3), r.GetDateTime(4), r.GetString(5),
        Enum.Parse<RecipientCategory>(r.GetString(6)), Enum.Parse<DisclosureGround>(r.GetString(7)), (DataCategories)r.GetInt32(8),
        r.GetString(9), r.GetString(10),
        new DisclosureNoticeView(Enum.Parse<NoticeRule>(r.GetString(11)), r.IsDBNull(12) ? null : r.GetDateTime(12),
            r.IsDBNull(13) ? null : r.GetDateTime(13)),
        r.GetBoolean(14), r.IsDBNull(15) ? null : r.GetInt32(15), null, r.GetString(16), r.GetString(17));

    private static async Task<List<DisclosureLogItem>> WithCorrectionsAsync(SqliteConnection connection, string customer, List<DisclosureLogItem> items)
    {
        var corrections = new List<(Guid Id, Guid Corrects)>();
        await using (var find = connection.CreateCommand())
        {
            find.CommandText = CorrectionsSql;
            find.Parameters.AddWithValue("$shown", JsonSerializer.Serialize(items.Select(i => i.DisclosureId.ToString().ToUpperInvariant())));
            await using var reader = await find.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                corrections.Add((reader.GetGuid(0), reader.GetGuid(1)));
            }
        }
        if (corrections.Count == 0)
        {
            return items;
        }
        var newest = new Dictionary<Guid, int>();
        await using var entry = connection.CreateCommand();
        entry.CommandText = CorrectingEntrySql;
        var id = entry.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        entry.Parameters.AddWithValue("$me", customer);
        foreach (var (correction, corrects) in corrections)
        {
            id.Value = correction.ToString().ToUpperInvariant();
            if (await entry.ExecuteScalarAsync() is long sequence && sequence > newest.GetValueOrDefault(corrects))
            {
                newest[corrects] = (int)sequence;
            }
        }
        return [.. items.Select(i => newest.TryGetValue(i.DisclosureId, out var by) ? i with { CorrectedBySequence = by } : i)];
    }

    /// <summary>Both ways must return the same page, or the comparison means nothing.</summary>
    private static async Task CheckSameAsync(BenchmarkDatabase database, (string Customer, int? Cursor) page)
    {
        var ef = await EfPageAsync(database, page.Customer, page.Cursor);
        var sql = await SqlPageAsync(database.ConnectionString, page.Customer, page.Cursor);
        if (ef.Items.Count == 0 || ef.OlderThan != sql.OlderThan || !ef.Items.SequenceEqual(sql.Items))
        {
            throw new InvalidOperationException($"The hand-written page differs from the app's for {page.Customer}: the comparison would not be fair.");
        }
    }

    private static (int Entries, int Customers) Count(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // The customers are numbered in order; the newest id tells how many there are without counting distinct ids.
        command.CommandText = "SELECT (SELECT max(Id) FROM DisclosureEntries), (SELECT max(CustomerId) FROM DisclosureEntries)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt32(0), Convert.ToInt32(reader.GetString(1)[..8], 16) + 1);
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }
}
