using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Com1ControlPanel.Benchmarks;

/// <summary>
/// The panel as an operator runs it: its own process from its own build (the same configuration as this benchmark), in
/// Development with the demo data, on a fresh SQLite database in a temporary folder, on a free loopback port.
/// </summary>
internal sealed class PanelProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly DirectoryInfo data;

    private PanelProcess(Process process, DirectoryInfo data, Uri baseAddress)
    {
        this.process = process;
        this.data = data;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => process.Id;

    /// <summary>Starts the panel and waits until /health answers; returns it with how long that took.</summary>
    public static async Task<(PanelProcess Panel, TimeSpan StartUp)> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var root = RepositoryRoot();
        var appFolder = Path.Combine(root, "Com1ControlPanel");
        var dll = Path.Combine(appFolder, "bin", BuildConfiguration, "net10.0", "Com1ControlPanel.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the panel first (dotnet build -c {BuildConfiguration}): {dll} is missing.");
        }
        var data = Directory.CreateTempSubdirectory("com1-bench-");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(data.FullName, "com1.db")}",
                ["Panel__PublicBaseUrl"] = $"http://127.0.0.1:{port}/",
                ["Mail__PickupDirectory"] = Path.Combine(data.FullName, "mail"),
                ["Logging__File__Path"] = Path.Combine(data.FullName, "logs", "com1-.log"),
                ["Serilog__MinimumLevel__Default"] = "Warning",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        // Read and drop the output, so a full pipe never stalls the panel.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var panel = new PanelProcess(process, data, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { BaseAddress = panel.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The panel stopped during start-up with exit code {process.ExitCode}.");
            }
            try
            {
                if ((await http.GetAsync("health")).StatusCode == HttpStatusCode.OK)
                {
                    return (panel, clock.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        data.Delete(recursive: true);
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Com1ControlPanel.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("Run the benchmark from the repository: Com1ControlPanel.sln was not found above it.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
