using Com1ControlPanel.Infrastructure.RateLimiting;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Features.Announcements;

public static class AnnouncementsFeature
{
    /// <summary>Writing and sending announcements, their sender (a job), and the contact lists.</summary>
    public static IServiceCollection AddAnnouncements(this IServiceCollection services)
    {
        services.AddSingleton<IAnnouncementQueue, AnnouncementJobQueue>();
        services.AddSingleton<AnnouncementMail>();
        services.AddSingleton<AnnouncementSender>();
        services.AddScoped<AnnouncementService>();
        services.AddScoped<ContactLists>();
        return services;
    }

    /// <summary>GET /admin/announcements/lists/{topic}/{channel}.csv: a call list or mailing list, for admins only.</summary>
    public static IEndpointRouteBuilder MapAnnouncements(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/announcements/lists/{topic}/{channel}.csv", DownloadList)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .RequireRateLimiting(RateLimitPolicies.Export);
        return endpoints;
    }

    private static IResult DownloadList(string topic, string channel, HttpContext context, ContactLists lists, TimeProvider time,
        ILogger<ContactLists> logger)
    {
        if (ContactLists.Parse(topic, channel) is not { } key)
        {
            // The values came from the URL: they are not logged.
            logger.LogWarning("Contact list refused: unknown topic or channel");
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "There is no such list.",
                detail: "Lists exist for the topics ComProducts and PartnerOffers on the channels Phone (call list) and "
                    + "PostalMail (mailing list), for example /admin/announcements/lists/PartnerOffers/Phone.csv.");
        }
        // Personal data, and only valid at the moment of download: never kept by the browser or a proxy.
        context.Response.Headers.CacheControl = "no-store";
        return Results.Stream(stream => lists.WriteAsync(key, stream, context.RequestAborted),
            "text/csv; charset=utf-8", ContactLists.FileNameFor(key, time.GetUtcNow().UtcDateTime));
    }
}
