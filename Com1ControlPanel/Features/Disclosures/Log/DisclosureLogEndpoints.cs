using Com1ControlPanel.Infrastructure.RateLimiting;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Features.Disclosures.Log;

public static class DisclosureLogEndpoints
{
    /// <summary>GET /disclosures/export.csv and /disclosures/export.json: the signed-in customer's own log, for customers only.</summary>
    public static IEndpointRouteBuilder MapDisclosureLog(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/disclosures/export.csv", (DisclosureLogService log, HttpContext context) =>
                ExportAsync(log, context, "text/csv; charset=utf-8", "csv", DisclosureExportWriter.WriteCsvAsync))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Customer))
            .RequireRateLimiting(RateLimitPolicies.Export);
        endpoints.MapGet("/disclosures/export.json", (DisclosureLogService log, HttpContext context) =>
                ExportAsync(log, context, "application/json; charset=utf-8", "json", DisclosureExportWriter.WriteJsonAsync))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Customer))
            .RequireRateLimiting(RateLimitPolicies.Export);
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(DisclosureLogService log, HttpContext context, string contentType, string extension,
        Func<DisclosureExport, Stream, CancellationToken, Task> write)
    {
        var export = await log.ExportAsync(context.RequestAborted);
        // Personal data: never kept by the browser's cache or a proxy.
        context.Response.Headers.CacheControl = "no-store";
        return Results.Stream(stream => write(export, stream, context.RequestAborted), contentType, export.FileName(extension));
    }
}
