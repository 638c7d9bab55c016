using Com1ControlPanel.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;

namespace Com1ControlPanel.Features.PersonalData;

public static class PersonalDataFeature
{
    public const string DownloadPath = "/Account/Manage/DownloadPersonalData";

    /// <summary>"Download my data": one JSON document with everything the panel holds about the signed-in person.</summary>
    public static IServiceCollection AddPersonalData(this IServiceCollection services)
    {
        services.AddScoped<PersonalDataExport>();
        return services;
    }

    /// <summary>The download's form post, from /Account/Manage/PersonalData (the page lives with the account pages).</summary>
    public static IEndpointRouteBuilder MapPersonalData(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(DownloadPath, async (HttpContext http, IAntiforgery antiforgery, PersonalDataExport export) =>
            {
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    return Results.BadRequest("The form had expired or did not come from the control panel. Reload the page and try again.");
                }
                switch (await export.CreateAsync(http.RequestAborted))
                {
                    case PersonalDataDownload.Ready { Document: var document }:
                        // Personal data: never kept by the browser's cache or a proxy.
                        http.Response.Headers.CacheControl = "no-store";
                        return Results.File(document.ToBytes(), "application/json; charset=utf-8", document.FileName);
                    case PersonalDataDownload.Refused:
                        return Results.Text("Com 1 support cannot download a customer's data: it stays with the customer.",
                            statusCode: StatusCodes.Status403Forbidden);
                    default:
                        return Results.NotFound("Your account could not be found. Sign in again.");
                }
            })
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Export)
            // Checked above, where a forged post gets a plain 400 rather than the middleware's server error.
            .DisableAntiforgery();
        return endpoints;
    }
}
