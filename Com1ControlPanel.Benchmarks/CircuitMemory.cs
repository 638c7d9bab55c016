using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Com1ControlPanel.Benchmarks;

/// <summary>
/// What one open tab costs the server: the panel's managed heap after a full collection with one signed-in tab on
/// /profile, then with many, as dotnet-gcdump sees it. The difference divided by the extra tabs is the cost of one idle
/// interactive circuit. Each tab is its own circuit; they share one browser sign-in, as a customer's tabs do.
/// </summary>
internal static partial class CircuitMemory
{
    private const double GoalKb = 250;
    private const double AimKb = 100;

    public static async Task<int> RunAsync(int circuits, string page)
    {
        var (panel, _) = await PanelProcess.StartAsync();
        await using var _panel = panel;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new() { BaseURL = panel.BaseAddress.ToString() });
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync("/Account/Login");
        await signIn.FillAsync("#login-email", "alice@example.com");
        await signIn.FillAsync("#login-password", "Demo-Pass-2026!");
        await signIn.PressAsync("#login-password", "Enter");
        await signIn.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        await signIn.CloseAsync();

        var tabs = new List<IPage>();
        async Task OpenTabsAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var tab = await context.NewPageAsync();
                await tab.GotoAsync(page);
                await tab.Locator("[data-interactive='true']").First.WaitForAsync(new() { Timeout = 60_000 });
                tabs.Add(tab);
            }
        }

        await OpenTabsAsync(1);
        var one = await HeapAsync(panel.Id, "one");
        await OpenTabsAsync(circuits - 1);
        var many = await HeapAsync(panel.Id, "many");
        var perCircuitKb = (many.Total - one.Total) / 1024.0 / (circuits - 1);
        var residentPerCircuitKb = (many.Resident - one.Resident) / 1024.0 / (circuits - 1);

        Console.WriteLine($"Managed heap after a full collection, signed in as alice on {page} (.NET {Environment.Version}, "
            + $"{Environment.ProcessorCount} cores):");
        Console.WriteLine($"  1 circuit:   {one.Total / 1024.0:N0} KB (the whole process: {one.Resident / 1024.0:N0} KB resident)");
        Console.WriteLine($"  {circuits} circuits: {many.Total / 1024.0:N0} KB (the whole process: {many.Resident / 1024.0:N0} KB resident)");
        Console.WriteLine();
        // The report gives each type's object count and the size of one of its objects, not the type's total: so the
        // table sorts by objects added per circuit and estimates their bytes from that one size.
        Console.WriteLine($"What one more circuit holds, by type (the {TopTypes} with the most new objects):");
        Console.WriteLine($"| {"Type",-90} | {"Objects per circuit",19} | {"About KB",8} |");
        Console.WriteLine($"|{new string('-', 92)}|{new string('-', 20)}:|{new string('-', 9)}:|");
        foreach (var (type, objects) in many.CountByType
            .Select(t => (t.Key, Objects: (t.Value - one.CountByType.GetValueOrDefault(t.Key)) / (double)(circuits - 1)))
            .OrderByDescending(t => t.Objects).Take(TopTypes))
        {
            Console.WriteLine($"| {Shorten(type),-90} | {objects,19:N1} | {Estimate(type, objects * many.SizeByType[type]),8} |");
        }
        Console.WriteLine();
        // Resident memory also counts what is outside the managed heap (the connection's buffers, WebSocket compression);
        // it moves with the runtime's own choices, so it is reported, not judged.
        Console.WriteLine($"Resident memory per circuit, for comparison: {residentPerCircuitKb:N0} KB");
        Console.WriteLine($"Heap per idle interactive circuit: {perCircuitKb:N0} KB (goal at most {GoalKb:N0} KB, aim {AimKb:N0} KB): "
            + (perCircuitKb <= GoalKb ? "goal met." : "goal MISSED."));
        return perCircuitKb <= GoalKb ? 0 : 1;
    }

    private const int TopTypes = 15;

    /// <summary>Strings and arrays differ in size from one object to the next: their bytes cannot be told from one size.</summary>
    private static string Estimate(string type, double bytes) =>
        type.StartsWith("System.String ", StringComparison.Ordinal) || type.Contains("[]", StringComparison.Ordinal)
            ? "varies" : (bytes / 1024).ToString("N1", CultureInfo.InvariantCulture);

    private static string Shorten(string type) => type.Length <= 90 ? type : type[..87] + "...";

    /// <summary>Collects a heap dump (dotnet-gcdump forces a full collection first) and reads its report.</summary>
    private static async Task<(long Total, long Resident, Dictionary<string, long> SizeByType, Dictionary<string, long> CountByType)> HeapAsync(
        int processId, string name)
    {
        var file = Path.Combine(Path.GetTempPath(), $"com1-circuits-{processId}-{name}.gcdump");
        await ToolAsync($"collect -p {processId} -o {file}");
        var report = await ToolAsync($"report {file}");
        var resident = Resident(processId);
        File.Delete(file);
        if (Environment.GetEnvironmentVariable("COM1_HEAP_REPORTS") is { Length: > 0 } folder)
        {
            // For a closer look than the table: every type of both heaps.
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, $"heap-{name}.txt"), report);
        }
        var sizeByType = new Dictionary<string, long>();
        var countByType = new Dictionary<string, long>();
        long total = 0;
        foreach (var line in report.Split('\n'))
        {
            if (HeapTotal().Match(line) is { Success: true } heap)
            {
                total = long.Parse(heap.Groups["bytes"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                continue;
            }
            var row = ReportRow().Match(line);
            if (!row.Success)
            {
                continue;
            }
            var bytes = long.Parse(row.Groups["bytes"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            var type = row.Groups["type"].Value.Trim();
            // Large arrays get rows of their own per size class ("(Bytes > 10K)"); one row per type is easier to read.
            type = SizeClass().Replace(type, "");
            sizeByType[type] = Math.Max(sizeByType.GetValueOrDefault(type), bytes);
            countByType[type] = countByType.GetValueOrDefault(type)
                + long.Parse(row.Groups["count"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        }
        return (total, resident, sizeByType, countByType);
    }

    /// <summary>The process's resident set (VmRSS in /proc), in bytes.</summary>
    private static long Resident(int processId) =>
        File.ReadLines($"/proc/{processId}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024)
            .Single();

    private static async Task<string> ToolAsync(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", $"tool run dotnet-gcdump {arguments}")
        {
            WorkingDirectory = PanelProcess.RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var tool = Process.Start(start)!;
        var output = tool.StandardOutput.ReadToEndAsync();
        var error = tool.StandardError.ReadToEndAsync();
        await tool.WaitForExitAsync();
        if (tool.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet-gcdump {arguments} failed: {await error}{await output}");
        }
        return await output;
    }

    [GeneratedRegex(@"^\s*(?<bytes>[\d,]+)\s+(?<count>[\d,]+)\s+(?<type>.+)$")]
    private static partial Regex ReportRow();

    [GeneratedRegex(@"\s*\(Bytes > \d+K\)")]
    private static partial Regex SizeClass();

    [GeneratedRegex(@"^\s*(?<bytes>[\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapTotal();
}
