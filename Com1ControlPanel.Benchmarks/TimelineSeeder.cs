using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Com1ControlPanel.Benchmarks;

/// <summary>
/// Fills a migrated database with a large disclosure log for the timeline benchmark: by default 10,000,000 entries
/// across 1,000,000 customers. Most customers have 9 entries; one in a thousand has 1,009 (a long-standing business
/// customer named in many requests), so there are deep pages to turn to. Every entry has its notice, and one disclosure
/// in fifty corrects the one before it, so the page's notice and correction lookups find rows as they do in real logs.
/// </summary>
internal static class TimelineSeeder
{
    public const int Disclosures = 2_000;
    public const int EntriesPerCustomer = 9;
    public const int EntriesPerLongLog = 1_009;
    public const int LongLogEvery = 1_000;

    /// <summary>A customer id shaped like the app's (a GUID's text), in ascending order, so the log's index is appended to.</summary>
    public static string CustomerId(int customer) => $"{customer:x8}-0000-4000-8000-{customer:x12}";

    public static bool HasLongLog(int customer) => customer % LongLogEvery == 0;

    public static long EntriesFor(int customers) =>
        Enumerable.Range(0, customers).Sum(c => (long)(HasLongLog(c) ? EntriesPerLongLog : EntriesPerCustomer));

    public static void Seed(string connectionString, int customers)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        // Nothing reads the database while it is filled: no journal and no syncing make the load several times faster.
        // The timeline's queries read no customer or account row, so those tables stay empty (foreign keys off here).
        Execute(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;");

        var disclosureIds = SeedDisclosures(connection);
        var clock = Stopwatch.StartNew();
        var random = new Random(2026);
        var transaction = connection.BeginTransaction();
        using var entry = connection.CreateCommand();
        entry.CommandText = """
            INSERT INTO DisclosureEntries (CustomerId, DisclosureId, Sequence, AddedAt, PreviousHash, Hash)
            VALUES ($customer, $disclosure, $sequence, $added, $previous, $hash)
            """;
        var parameters = new[] { "$customer", "$disclosure", "$sequence", "$added", "$previous", "$hash" }
            .Select(name => entry.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        entry.Transaction = transaction;
        entry.Prepare();

        long written = 0;
        var hash = new char[64];
        for (var customer = 0; customer < customers; customer++)
        {
            var entries = HasLongLog(customer) ? EntriesPerLongLog : EntriesPerCustomer;
            var previous = new string('0', 64);
            parameters[0].Value = CustomerId(customer);
            for (var sequence = 1; sequence <= entries; sequence++)
            {
                // Disclosures in the order they happened, spread differently for every customer.
                var disclosure = (int)(((long)customer * 7 + (long)sequence * Disclosures / (entries + 1)) % Disclosures);
                var current = RandomHex(random, hash);
                parameters[1].Value = disclosureIds[disclosure];
                parameters[2].Value = sequence;
                parameters[3].Value = new DateTime(2018, 1, 1).AddHours(disclosure * 36 + 1).ToString("yyyy-MM-dd HH:mm:ss");
                parameters[4].Value = previous;
                parameters[5].Value = current;
                entry.ExecuteNonQuery();
                previous = current;
                if (++written % 1_000_000 == 0)
                {
                    transaction.Commit();
                    transaction = connection.BeginTransaction();
                    entry.Transaction = transaction;
                    Console.WriteLine($"  {written:N0} entries ({clock.Elapsed.TotalSeconds:N0} s)");
                }
            }
        }
        transaction.Commit();
        transaction.Dispose();

        Console.WriteLine($"  notices for every entry ({clock.Elapsed.TotalSeconds:N0} s)");
        Execute(connection, "INSERT INTO DisclosureNotices (EntryId, CustomerId, NotifiedAt) SELECT Id, CustomerId, AddedAt FROM DisclosureEntries;");
        // No ANALYZE: the panel never runs it, so SQLite plans the timeline without statistics here too.
        Execute(connection, "PRAGMA journal_mode = WAL;");
        Console.WriteLine($"  done ({clock.Elapsed.TotalSeconds:N0} s)");
    }

    private static List<string> SeedDisclosures(SqliteConnection connection)
    {
        // Upper case, as EF Core writes a Guid into SQLite and compares its parameters with it.
        var ids = Enumerable.Range(0, Disclosures).Select(i => new Guid(i, 0, 0, new byte[8]).ToString().ToUpperInvariant()).ToList();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO Disclosures (Id, RecipientName, RecipientCategory, Ground, Categories, Description, Reference, OccurredAt,
                RecordedAt, RecordedByUserId, RecordedByName, NoticeRule, NoticeDelayedUntil, CorrectsId, AffectedCustomers, Status)
            VALUES ($id, $recipient, 'CourtOrLegalProcess', 'LegalRequirement', 9, 'Name and email address for a court order', $reference,
                $occurred, $occurred, 'compliance', 'Com 1 compliance', 'NotifyNow', NULL, $corrects, 0, 'Recorded')
            """;
        foreach (var name in new[] { "$id", "$recipient", "$reference", "$occurred", "$corrects" })
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        for (var i = 0; i < Disclosures; i++)
        {
            insert.Parameters["$id"].Value = ids[i];
            insert.Parameters["$recipient"].Value = $"District court {i % 40}";
            insert.Parameters["$reference"].Value = $"Case {2018 + i / 250}-{i:D4}";
            insert.Parameters["$occurred"].Value = new DateTime(2018, 1, 1).AddHours(i * 36).ToString("yyyy-MM-dd HH:mm:ss");
            insert.Parameters["$corrects"].Value = i % 50 == 49 ? ids[i - 1] : DBNull.Value;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        return ids;
    }

    private static string RandomHex(Random random, char[] buffer)
    {
        const string Digits = "0123456789abcdef";
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = Digits[random.Next(16)];
        }
        return new string(buffer);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }
}
