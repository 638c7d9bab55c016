using System.Text.RegularExpressions;
using Serilog.Context;

namespace Com1ControlPanel.Infrastructure.Logging;

/// <summary>
/// Gives every request a correlation id: the caller's X-Correlation-Id when it is a sane value, otherwise a new one.
/// It becomes the request's TraceIdentifier, goes into every log line of the request and back in the response,
/// so an error page's reference finds the log lines.
/// </summary>
public static partial class CorrelationId
{
    public const string Header = "X-Correlation-Id";

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var incoming = context.Request.Headers[Header].ToString();
            var id = SaneId().IsMatch(incoming) ? incoming : Guid.NewGuid().ToString("N")[..12];
            context.TraceIdentifier = id;
            context.Response.Headers[Header] = id;
            using (LogContext.PushProperty("CorrelationId", id))
            {
                await next(context);
            }
        });

    [GeneratedRegex("^[A-Za-z0-9-]{8,64}$")]
    private static partial Regex SaneId();
}
