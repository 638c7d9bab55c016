using Com1ControlPanel.Infrastructure.RateLimiting;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Features.Disclosures.Log;

public static class DisclosureLogEndpoints
{
    /// <summary>GET /disclosures/export.csv and /disclosures/export.json: the signed-in customer's own log, for customers only.</summary>
    public static IEndpointRouteBuilder MapDisclosureLog(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/disclosures/export.csv", async (DisclosureLogService log, HttpContext context) =>
            {
                var export = await log.ExportForReadingAsync(context.RequestAborted);
                context.Response.Headers.CacheControl = "no-store";
                return Results.Stream(stream => DisclosureExportWriter.WriteCsvAsync(export, stream, context.RequestAborted),
                    "text/csv; charset=utf-8", export.FileName);
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Customer))
            .RequireRateLimiting(RateLimitPolicies.Export);
        endpoints.MapGet("/disclosures/export.json", (DisclosureLogService log, HttpContext context) => ExportJsonAsync(log, context))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Customer))
            .RequireRateLimiting(RateLimitPolicies.Export);
        return endpoints;
    }

    private static async Task<IResult> ExportJsonAsync(DisclosureLogService log, HttpContext context)
    {
        var export = await log.ExportAsync(context.RequestAborted);
        // Personal data: never kept by the browser's cache or a proxy (the CSV's answer says the same).
        context.Response.Headers.CacheControl = "no-store";
        return Results.Stream(stream => DisclosureExportWriter.WriteJsonAsync(export, stream, context.RequestAborted),
            "application/json; charset=utf-8", export.FileName("json"));
    }
}
