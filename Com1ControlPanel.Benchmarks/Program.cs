using System.Diagnostics;
using Com1ControlPanel.Benchmarks;
using Com1ControlPanel.Features.Preferences;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// How long resolving the audience of an announcement takes for 100,000 customers on SQLite (the target: under 1 second),
// then how long recording one business transfer for all of them takes (the target: under 10 seconds).
// Run with: dotnet run -c Release --project Com1ControlPanel.Benchmarks [-- customers] [--keep] [--disclosures-only | --notices]
// Or, for what one open tab costs the server: dotnet run -c Release --project Com1ControlPanel.Benchmarks -- --circuits [40] [--page /profile]
// Or --timeline [customers] [--database file] for the disclosure timeline at 10,000,000 entries (the file is kept and reused),
// or --start-up [runs] for the cold start, or --throughput [connections] [--page /profile] for a signed-in page relative to /health;
// both on SQLite, or with --postgres "Host=...;Username=..." on a new database of that PostgreSQL server for each start.
var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
if (args.Contains("--start-up"))
{
    var runs = args.FirstOrDefault(a => int.TryParse(a, out var n) && n > 0) is { } r ? int.Parse(r) : 5;
    return await PanelLoad.StartUpAsync(runs, postgres);
}
if (args.Contains("--throughput"))
{
    var connections = args.FirstOrDefault(a => int.TryParse(a, out var n) && n > 0) is { } c ? int.Parse(c) : 32;
    var page = args.SkipWhile(a => a != "--page").Skip(1).FirstOrDefault() ?? "/profile";
    return await PanelLoad.ThroughputAsync(connections, TimeSpan.FromSeconds(10), page, postgres);
}
if (args.Contains("--timeline"))
{
    var timelineCustomers = args.FirstOrDefault(a => int.TryParse(a, out var n) && n > 0) is { } many ? int.Parse(many) : 1_000_000;
    return await DisclosureTimelineScale.RunAsync(timelineCustomers, args.SkipWhile(a => a != "--database").Skip(1).FirstOrDefault());
}
if (args.Contains("--circuits"))
{
    var circuits = args.FirstOrDefault(a => int.TryParse(a, out var n) && n > 1) is { } many ? int.Parse(many) : 40;
    var page = args.SkipWhile(a => a != "--page").Skip(1).FirstOrDefault() ?? "/profile";
    return await CircuitMemory.RunAsync(circuits, page);
}
var customers = args.FirstOrDefault(a => int.TryParse(a, out var n) && n > 0) is { } count ? int.Parse(count) : 100_000;
var keep = args.Contains("--keep");
const int WarmUps = 2;
const int Runs = 9;

using var database = new BenchmarkDatabase(keep);
Console.WriteLine($"SQLite {SqliteVersion(database.ConnectionString)}, .NET {Environment.Version}, {Environment.ProcessorCount} cores, "
    + $"load average {Machine.LoadAverage()}");
Console.WriteLine($"Database: {database.Path}");

var seeding = Stopwatch.StartNew();
CustomerSeeder.Seed(database.ConnectionString, customers);
Console.WriteLine($"Seeded {customers:N0} customers and {customers * CustomerSeeder.Switches.Length:N0} consent states in {seeding.Elapsed.TotalSeconds:N1} s");
Console.WriteLine();
if (args.Contains("--notices"))
{
    return await DisclosureScenario.NoticesAsync(database) ? 0 : 1;
}
if (args.Contains("--disclosures-only"))
{
    return await DisclosureScenario.RunAsync(database) ? 0 : 1;
}

var audience = new MarketingAudience(database);
var products = new ConsentKey(MarketingPurpose.ComProducts, ContactChannel.Email);
var partners = new ConsentKey(MarketingPurpose.PartnerOffers, ContactChannel.Email);

await using (var db = database.CreateDbContext())
{
    var sql = MarketingAudience.Recipients(db, products).ToQueryString();
    Console.WriteLine("An announcement's audience is one query:");
    Console.WriteLine(sql);
    Console.WriteLine();
    Console.WriteLine("SQLite's plan for it:");
    foreach (var step in QueryPlan(database.ConnectionString, sql))
    {
        Console.WriteLine($"  {step}");
    }
    Console.WriteLine();
}

Task<int> RecipientsAsync(ConsentKey key) => CountRowsAsync(db => MarketingAudience.Recipients(db, key).ToListAsync());
Task<int> MembersAsync(ConsentKey key) => CountRowsAsync(db => MarketingAudience.Members(db, key).ToListAsync());
async Task<int> CountRowsAsync<T>(Func<Com1ControlPanel.Data.AppDbContext, Task<List<T>>> query)
{
    await using var db = database.CreateDbContext();
    return (await query(db)).Count;
}

var results = new List<(string Operation, int Rows, double Median, double Min, double Cpu)>
{
    await TimeAsync("Audience of an announcement: ComProducts by email", () => RecipientsAsync(products)),
    await TimeAsync("Audience of an announcement: PartnerOffers by email", () => RecipientsAsync(partners)),
    await TimeAsync("Preview counts (MeasureAsync): ComProducts by email", async () => (await audience.MeasureAsync(products)).Reached),
    await TimeAsync("Call/mailing list rows (Members): ComProducts by email", () => MembersAsync(products)),
};

Console.WriteLine($"{customers:N0} customers, {WarmUps} warm-up runs, then {Runs} timed runs each:");
Console.WriteLine();
// CPU time is the process's own work: it stays put when other programs on the machine compete for the cores.
Console.WriteLine($"| {"Operation",-56} | {"Rows",8} | {"Median ms",9} | {"Min ms",8} | {"Median CPU ms",13} |");
Console.WriteLine($"|{new string('-', 58)}|{new string('-', 9)}:|{new string('-', 10)}:|{new string('-', 9)}:|{new string('-', 14)}:|");
foreach (var (operation, rows, median, min, cpu) in results)
{
    Console.WriteLine($"| {operation,-56} | {rows,8:N0} | {median,9:N1} | {min,8:N1} | {cpu,13:N1} |");
}
// The target is for resolving an announcement's audience (the first two rows).
var slowest = results.Take(2).Max(r => r.Median);
Console.WriteLine();
Console.WriteLine($"Load average at the end: {Machine.LoadAverage()}");
Console.WriteLine(slowest < 1000
    ? $"Target met: every audience resolves in under 1 second (slowest median {slowest:N0} ms)."
    : $"Target MISSED: the slowest median is {slowest:N0} ms (target 1,000 ms).");
Console.WriteLine();
var recorded = await DisclosureScenario.RunAsync(database);
return slowest < 1000 && recorded ? 0 : 1;

static async Task<(string, int, double, double, double)> TimeAsync(string operation, Func<Task<int>> run)
{
    for (var i = 0; i < WarmUps; i++)
    {
        await run();
    }
    var times = new List<double>();
    var cpu = new List<double>();
    var rows = 0;
    using var process = Process.GetCurrentProcess();
    for (var i = 0; i < Runs; i++)
    {
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        rows = await run();
        times.Add(watch.Elapsed.TotalMilliseconds);
        process.Refresh();
        cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
    }
    times.Sort();
    cpu.Sort();
    return (operation, rows, times[times.Count / 2], times[0], cpu[cpu.Count / 2]);
}

// Other programs on the machine slow the wall-clock times down; the load average says how busy it was.

static string SqliteVersion(string connectionString)
{
    using var connection = new SqliteConnection(connectionString);
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT sqlite_version()";
    return (string)command.ExecuteScalar()!;
}

// EF's query text declares its parameters first (".param set"); the plan needs only the SELECT.
static IEnumerable<string> QueryPlan(string connectionString, string sql)
{
    var select = sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
    var parameters = sql.Split('\n').Where(l => l.StartsWith(".param set", StringComparison.Ordinal))
        .Select(l => l.Split(' ', 4)).ToList();
    using var connection = new SqliteConnection(connectionString);
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "EXPLAIN QUERY PLAN " + select;
    foreach (var p in parameters)
    {
        command.Parameters.AddWithValue(p[2], p[3].Trim().Trim('\''));
    }
    using var reader = command.ExecuteReader();
    var steps = new List<string>();
    while (reader.Read())
    {
        steps.Add(reader.GetString(3));
    }
    return steps;
}
