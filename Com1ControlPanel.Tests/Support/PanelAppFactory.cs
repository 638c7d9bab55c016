using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Support;

/// <summary>
/// The whole app in memory, with a database and a mail pickup folder of its own: one per test class,
/// so no test sees another class's accounts or messages. Demo accounts are seeded (alice, bob, staff).
/// </summary>
public sealed class PanelAppFactory : WebApplicationFactory<Program>
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "com1-tests", Guid.NewGuid().ToString("N"));

    public PanelAppFactory()
    {
        Directory.CreateDirectory(root);
        Mailbox = new Mailbox(Path.Combine(root, "mail"));
        // Clients speak https, as browsers do in production: outside Development every cookie of the panel is Secure.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    /// <summary>Settings of this app only, applied over the test defaults; give them before the app starts.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public string DatabasePath => Path.Combine(root, "com1.db");

    /// <summary>The .eml files the app delivered.</summary>
    public Mailbox Mailbox { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting reaches Program before it reads configuration; ConfigureAppConfiguration would come too late.
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        builder.UseSetting("Mail:PickupDirectory", Mailbox.Directory);
        builder.UseSetting("Mail:PollInterval", "00:00:00.200");
        builder.UseSetting("Mail:Smtp:Host", "");
        builder.UseSetting("Logging:File:Path", "");
        builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(root, "keys"));
        builder.UseSetting("Seeding:DemoData", "true");
        // Keep the test output readable: only warnings and errors from the app.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
        // The hosts tests reach the panel by: TestServer names "localhost", the Kestrel browser tests "127.0.0.1".
        // Every other host is refused, as in production.
        builder.UseSetting("Panel:AllowedHosts", "localhost;127.0.0.1");
        // Test classes sign in many times from one in-memory client (and browser tests from 127.0.0.1): limits far above
        // anything a test does. Security/RateLimitTests sets small limits of its own.
        foreach (var policy in RateLimitPolicies.All)
        {
            builder.UseSetting($"RateLimits:{policy}:PermitLimit", "1000000");
        }
        // Last, so a test's own settings count over the defaults above.
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A short-lived database context, for checking what the app stored.</summary>
    public AppDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    /// <summary>A client that keeps cookies but does not follow redirects, so a test can see where it is sent.</summary>
    public HttpClient CreateNonRedirectingClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open somewhere only leaves a temp folder behind.
        }
    }
}
