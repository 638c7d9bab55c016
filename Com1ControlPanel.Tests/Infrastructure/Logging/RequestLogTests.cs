using Com1ControlPanel.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Com1ControlPanel.Tests.Infrastructure.Logging;

/// <summary>Addresses carry secrets (unsubscribe tokens in the path, confirmation codes in the query): the request log must not.</summary>
public sealed class RequestLogTests(PanelAppFactory app) : IClassFixture<PanelAppFactory>, IDisposable
{
    private const string Secret = "SECRETTOKENVALUE4711";
    private readonly string logFolder = Path.Combine(Path.GetTempPath(), "com1-tests", $"logs-{Guid.NewGuid():N}");

    private WebApplicationFactory<Program> AppLoggingRequestsToFile() => app.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware", "Information");
        // The app's own rolling log file, as production writes it (one file a day: com1-yyyyMMdd.log).
        builder.UseSetting("Logging:File:Path", Path.Combine(logFolder, "com1-.log"));
    });

    [Fact]
    public async Task The_request_log_names_routes_not_the_tokens_and_codes_in_the_address()
    {
        using (var logging = AppLoggingRequestsToFile())
        using (var client = logging.CreateClient())
        {
            (await client.GetAsync($"/unsubscribe/{Secret}")).Dispose();
            (await client.GetAsync($"/Account/ConfirmEmail?userId=x&code={Secret}")).Dispose();
        }

        var log = string.Concat(Directory.GetFiles(logFolder).Select(File.ReadAllText));
        Assert.Contains("/unsubscribe/{", log);
        Assert.Contains("/Account/ConfirmEmail", log);
        Assert.DoesNotContain(Secret, log);
    }

    public void Dispose() => Directory.Delete(logFolder, recursive: true);
}
