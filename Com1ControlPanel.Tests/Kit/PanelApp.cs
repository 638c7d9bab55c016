using System.Net;
using System.Net.Sockets;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// The whole app (demo accounts seeded) with a database, mail folder and keys of its own, shaped by <see cref="AppOptions"/>.
/// One per test class, or per test where a test needs options of its own; its tests make customers of their own.
/// Not sealed only so that a class fixture can name a set of options (<c>sealed class X() : PanelApp(options)</c>).
/// </summary>
public class PanelApp : WebApplicationFactory<Program>, IPanel
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "com1-tests", Guid.NewGuid().ToString("N"));
    private readonly AppOptions options;
    private readonly FakeTimeProvider? clock;
    private readonly Dictionary<string, string> settings;
    private readonly Uri? baseAddress;
    private readonly TestDatabase? postgreSql;

    public PanelApp() : this(AppOptions.Default)
    {
    }

    /// <summary>
    /// For a fixture that names its options (<c>sealed class X() : PanelApp(options)</c>); a test starts one of its own with
    /// <see cref="With"/>. xUnit builds a class fixture only from a type with a single public constructor.
    /// </summary>
    protected PanelApp(AppOptions options)
    {
        this.options = options;
        Directory.CreateDirectory(root);
        Provider = options.Provider ?? TestProvider.Current;
        // On SQLite the app migrates its own new file as it starts; on PostgreSQL it starts on a copy of the migrated template.
        postgreSql = Provider == DatabaseProvider.PostgreSQL ? new TestDatabase(DatabasePath, DatabaseProvider.PostgreSQL) : null;
        Mailbox = new Mailbox(Path.Combine(root, "mail"));
        clock = options.FakeClock ? new FakeTimeProvider(TestClock.Start()) : null;
        settings = new Dictionary<string, string>(options.Settings);
        // Clients speak https, as browsers do in production: outside Development every cookie of the panel is Secure.
        ClientOptions.BaseAddress = new Uri("https://localhost");
        if (options.Served)
        {
            // The port is chosen before the app starts, so the panel knows its public address for the links it mails.
            var port = FreePort();
            settings.TryAdd("Panel:PublicBaseUrl", $"http://127.0.0.1:{port}/");
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
            StartServer();
            baseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
    }

    /// <summary>An app of the test's own with <paramref name="options"/>; the test disposes of it.</summary>
    public static PanelApp With(AppOptions options) => new(options);

    public string DatabasePath => Path.Combine(root, "com1.db");

    /// <summary>The database the app runs on.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>ConnectionStrings:Default of the app (a test's own setting counts over it).</summary>
    public string ConnectionString => postgreSql?.ConnectionString ?? $"Data Source={DatabasePath}";

    /// <summary>The .eml files the app delivered.</summary>
    public Mailbox Mailbox { get; }

    /// <summary>The clock the app runs on, moved by the test; only with <see cref="AppOptions.FakeClock"/>.</summary>
    public FakeTimeProvider Clock => clock ?? throw new InvalidOperationException("This app runs on the machine's clock: ask for FakeClock.");

    /// <summary>Where a browser reaches a served app: http://127.0.0.1:port/.</summary>
    public Uri BaseAddress => baseAddress ?? throw new InvalidOperationException("This app is not served: ask for Served.");

    /// <summary>
    /// A client that does not follow redirects, so a test sees where it is sent. It keeps cookies unless told not to, and
    /// comes from <paramref name="from"/> (a network address) when given, as Kestrel would say; in-memory requests have none.
    /// It asks for <paramref name="at"/> (https://localhost/ unless given), through <paramref name="handlers"/> when given.
    /// </summary>
    public HttpClient Client(bool keepCookies = true, string? from = null, Uri? at = null, params DelegatingHandler[] handlers)
    {
        List<DelegatingHandler> chain = keepCookies ? [new CookieContainerHandler()] : [];
        if (from is not null)
        {
            chain.Add(new ClientAddress.From(from));
        }
        return CreateDefaultClient(at ?? ClientOptions.BaseAddress, [.. chain, .. handlers]);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting reaches Program before it reads configuration; ConfigureAppConfiguration would come too late.
        builder.UseEnvironment(options.Environment);
        foreach (var (key, value) in Defaults().Concat(settings))
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<OpenScopes>();
            services.AddTransient<IStartupFilter, ClientAddress.Filter>();
            if (clock is not null)
            {
                services.AddSingleton<TimeProvider>(clock);
            }
            options.Services?.Invoke(services);
        });
    }

    /// <summary>What every app under test has, before a test's own settings (which come after and count over these).</summary>
    private IEnumerable<KeyValuePair<string, string>> Defaults()
    {
        yield return new("Database:Provider", Provider.ToString());
        yield return new("ConnectionStrings:Default", ConnectionString);
        yield return new("Mail:PickupDirectory", Mailbox.Directory);
        // Emails go out through the job engine: look for queued runs often, so a test's mail arrives soon after it is sent.
        yield return new("Jobs:PollInterval", "00:00:00.250");
        yield return new("Mail:Smtp:Host", "");
        yield return new("Logging:File:Path", "");
        yield return new("Seeding:DemoData", "true");
        // Keep the test output readable: only warnings and errors from the app.
        yield return new("Serilog:MinimumLevel:Default", "Warning");
        yield return new("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
        // The hosts tests reach the panel by: TestServer names "localhost", the Kestrel browser tests "127.0.0.1".
        // Every other host is refused, as in production.
        yield return new("Panel:AllowedHosts", "localhost;127.0.0.1");
        // Test classes sign in many times from one in-memory client (and browser tests from 127.0.0.1): limits far above
        // anything a test does. The rate limit tests set small limits of their own.
        foreach (var policy in RateLimitPolicies.All)
        {
            yield return new($"RateLimits:{policy}:PermitLimit", "1000000");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        postgreSql?.Dispose();
        TempFolder.Delete(root);
    }
}
