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
        builder.Services.AddSerilog(logger =>
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
        });
        return builder;
    }

    /// <summary>One line per request, with the correlation id; never the query string, which may carry tokens.</summary>
    public static WebApplication UsePanelRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.IncludeQueryInRequestPath = false;
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/_blazor") || context.Request.Path.StartsWithSegments("/_framework")
                    ? LogEventLevel.Verbose
                    : LogEventLevel.Information;
        });
        return app;
    }
}
