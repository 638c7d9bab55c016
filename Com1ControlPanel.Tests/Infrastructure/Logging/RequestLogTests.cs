namespace Com1ControlPanel.Tests.Infrastructure.Logging;

/// <summary>Addresses carry secrets (unsubscribe tokens in the path, confirmation codes in the query): the request log must not.</summary>
public sealed class RequestLogTests : IDisposable
{
    private const string Secret = "SECRETTOKENVALUE4711";
    private readonly string logFolder = Path.Combine(Path.GetTempPath(), "com1-tests", $"logs-{Guid.NewGuid():N}");

    [Fact]
    public async Task The_request_log_names_routes_not_the_tokens_and_codes_in_the_address()
    {
        var options = AppOptions.Default
            .With("Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware", "Information")
            // The app's own rolling log file, as production writes it (one file a day: com1-yyyyMMdd.log).
            .With("Logging:File:Path", Path.Combine(logFolder, "com1-.log"));
        using (var app = PanelApp.With(options))
        using (var client = app.Client())
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
