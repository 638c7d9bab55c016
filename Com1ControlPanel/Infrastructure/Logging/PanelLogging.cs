using Serilog;
using Serilog.Events;

namespace Com1ControlPanel.Infrastructure.Logging;

public static class PanelLogging
{
    /// <summary>Console-only logging for the moments before configuration is read.</summary>
    public static Serilog.ILogger CreateBootstrapLogger() =>
        new LoggerConfiguration().MinimumLevel.Information().WriteTo.Console().CreateLogger();

    /// <summary>
    /// Serilog from the "Serilog" configuration section (levels, console), plus the rolling file of
    /// "Logging:File", whose relative path is taken from the content root, not from wherever the app was started.
    /// </summary>
    public static WebApplicationBuilder AddPanelLogging(this WebApplicationBuilder builder)
    {
        var file = builder.Configuration.GetSection("Logging:File");
        var path = file["Path"];
        var contentRoot = builder.Environment.ContentRootPath;
        // Each host keeps its own logger (preserveStaticLogger): the static Log.Logger is only for start-up failures.
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration).Enrich.FromLogContext();
            if (!string.IsNullOrWhiteSpace(path))
            {
                logger.WriteTo.File(
                    Path.Combine(contentRoot, path),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: file.GetValue("RetainedFileCountLimit", 14),
                    outputTemplate: "{Timestamp:o} [{Level:u3}] {CorrelationId} {SourceContext}: {Message:lj}{NewLine}{Exception}");
            }
        }, preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One line per request, with the correlation id. The path is logged as its route pattern
    /// (/unsubscribe/{token}, not the token itself) and never with its query string: both may carry secrets.
    /// </summary>
    public static WebApplication UsePanelRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.IncludeQueryInRequestPath = false;
            options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
            [
                new("RequestMethod", new ScalarValue(context.Request.Method)),
                new("RequestPath", new ScalarValue(
                    context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern } ? pattern : path)),
                new("StatusCode", new ScalarValue(status)),
                new("Elapsed", new ScalarValue(elapsed)),
            ];
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/_blazor") || context.Request.Path.StartsWithSegments("/_framework")
                    ? LogEventLevel.Verbose
                    : LogEventLevel.Information;
        });
        return app;
    }
}
