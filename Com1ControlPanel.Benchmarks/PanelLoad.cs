using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Com1ControlPanel.Benchmarks;

/// <summary>
/// Two figures of the panel as a process: how long a cold start takes on a new database (migrations and demo data
/// included) until /health answers, and how many signed-in /profile pages it serves a second relative to /health in the
/// same run. The ratio, not the absolute count, is the figure: the load comes from this process on the same machine.
/// </summary>
internal static partial class PanelLoad
{
    private const double StartUpGoalSeconds = 3;
    private const double ThroughputGoal = 0.40;

    public static async Task<int> StartUpAsync(int runs, string? postgres)
    {
        Console.WriteLine($"{PanelDatabase.Describe(postgres)}, .NET {Environment.Version}, {Environment.ProcessorCount} cores, "
            + $"load average {Machine.LoadAverage()}");
        var times = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            using var database = PanelDatabase.Create(postgres);
            var (panel, startUp) = await PanelProcess.StartAsync(database.Settings);
            await panel.DisposeAsync();
            times.Add(startUp.TotalSeconds);
            Console.WriteLine($"  run {run + 1}: {startUp.TotalSeconds:N2} s");
        }
        var median = times.Order().ElementAt(times.Count / 2);
        Console.WriteLine($"Cold start to a healthy /health on a new database: median {median:N2} s of {runs} "
            + $"(goal under {StartUpGoalSeconds:N0} s): {(median < StartUpGoalSeconds ? "goal met." : "goal MISSED.")}");
        return median < StartUpGoalSeconds ? 0 : 1;
    }

    public static async Task<int> ThroughputAsync(int connections, TimeSpan duration, string page, string? postgres)
    {
        Console.WriteLine($"{PanelDatabase.Describe(postgres)}, .NET {Environment.Version}, {Environment.ProcessorCount} cores, "
            + $"load average {Machine.LoadAverage()}");
        using var database = PanelDatabase.Create(postgres);
        var (panel, _) = await PanelProcess.StartAsync(database.Settings);
        await using var _panel = panel;
        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler
        {
            CookieContainer = cookies,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = connections,
        };
        using var http = new HttpClient(handler) { BaseAddress = panel.BaseAddress };
        await SignInAsync(http, "alice@example.com", "Demo-Pass-2026!");

        // A short warm-up of each, so the first requests' compilation is not counted.
        await MeasureAsync(http, "health", connections, TimeSpan.FromSeconds(3));
        await MeasureAsync(http, page.TrimStart('/'), connections, TimeSpan.FromSeconds(3));
        var health = await MeasureAsync(http, "health", connections, duration);
        var profile = await MeasureAsync(http, page.TrimStart('/'), connections, duration);
        var ratio = profile / health;
        Console.WriteLine($"{connections} connections, {duration.TotalSeconds:N0} s each, signed in as alice:");
        Console.WriteLine($"  /health:  {health,8:N0} requests a second");
        Console.WriteLine($"  {page}: {profile,8:N0} requests a second (prerendered, signed in)");
        Console.WriteLine($"Signed-in {page} relative to /health: {ratio:N2} (goal at least {ThroughputGoal:N2}): "
            + (ratio >= ThroughputGoal ? "goal met." : "goal MISSED."));
        return ratio >= ThroughputGoal ? 0 : 1;
    }

    private static async Task<double> MeasureAsync(HttpClient http, string path, int connections, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            var count = 0;
            while (clock.Elapsed < duration)
            {
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"/{path} answered {(int)response.StatusCode}: the run is not measuring the page.");
                }
                count++;
            }
            return count;
        }));
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Posts the sign-in form as a browser without scripts would, with its antiforgery token.</summary>
    private static async Task SignInAsync(HttpClient http, string email, string password)
    {
        var page = await http.GetStringAsync("Account/Login");
        var form = FormBlock().Matches(page).Select(m => m.Value).First(f => f.Contains("value=\"login\"", StringComparison.Ordinal));
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value),
            m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var response = await http.PostAsync("Account/Login", new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} failed: {(int)response.StatusCode}.");
        }
    }

    [GeneratedRegex(@"<form\b.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormBlock();

    [GeneratedRegex(@"<input\b(?=[^>]*\btype=""hidden"")(?=[^>]*\bname=""(?<name>[^""]*)"")(?=[^>]*\bvalue=""(?<value>[^""]*)"")[^>]*>")]
    private static partial Regex HiddenInput();
}
