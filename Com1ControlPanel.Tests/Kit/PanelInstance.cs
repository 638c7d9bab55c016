using System.Diagnostics;
using System.Net;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// The panel as an operator runs one of its instances: a process of its own from the build beside the tests, in
/// Development (migrations and demo data), on a database the test names, on a free loopback port, with its own mail and
/// log folders. <see cref="Kill"/> ends it as a crash would (SIGKILL): no shutdown, no cleanup.
/// </summary>
public sealed class PanelInstance : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;

    private PanelInstance(Process process, string folder, Uri baseAddress)
    {
        this.process = process;
        this.folder = folder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => process.Id;

    /// <summary>Where this instance writes the emails it sends, one .eml file each.</summary>
    public string MailFolder => Path.Combine(folder, "mail");

    /// <summary>Starts an instance on <paramref name="connectionString"/> and waits until /health answers 200.</summary>
    public static async Task<PanelInstance> StartAsync(string provider, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = AppBuild();
        var folder = TempFolder.New($"instance-{Guid.NewGuid():N}");
        var port = LocalPorts.Free();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(dll))))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["Database__Provider"] = provider,
                ["ConnectionStrings__Default"] = connectionString,
                ["Panel__PublicBaseUrl"] = $"http://127.0.0.1:{port}/",
                ["Mail__PickupDirectory"] = Path.Combine(folder, "mail"),
                ["Logging__File__Path"] = Path.Combine(folder, "logs", "com1-.log"),
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start)!;
        // Read and drop the output, so a full pipe never stalls the panel.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var instance = new PanelInstance(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { BaseAddress = instance.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await instance.DisposeAsync();
                throw new InvalidOperationException(process.HasExited
                    ? $"The panel stopped during start-up with exit code {process.ExitCode}."
                    : "The panel did not answer /health within 90 seconds.");
            }
            try
            {
                using var health = await http.GetAsync("health");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return instance;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
    }

    /// <summary>A client of this instance that keeps cookies in <paramref name="cookies"/> and does not follow redirects.</summary>
    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = BaseAddress,
        };

    /// <summary>Ends the process at once, as a crash or a pulled plug would.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
            process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        TempFolder.Delete(folder);
        return ValueTask.CompletedTask;
    }

    // The panel's own build, in the configuration the tests were built in (dotnet test builds the solution).
    private static string AppBuild()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = tests.Name;
        var configuration = tests.Parent!.Name;
        for (var folder = tests; folder is not null; folder = folder.Parent)
        {
            var dll = Path.Combine(folder.FullName, "Com1ControlPanel", "bin", configuration, framework, "Com1ControlPanel.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }
        throw new FileNotFoundException($"The panel's build (Com1ControlPanel/bin/{configuration}/{framework}) was not found: build the solution.");
    }
}
