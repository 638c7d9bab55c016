using System.Security.Claims;
using Com1ControlPanel.Components;
using Com1ControlPanel.Infrastructure.Hosting;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Features.Preferences;

public static class PrivacySignalEndpoints
{
    /// <summary>
    /// On every page load by a signed-in customer whose browser sends Sec-GPC: 1, honour the signal before the page
    /// is rendered, so the page already shows it. Never in a support session: that browser is the agent's, and its
    /// signal says nothing about the customer's wishes.
    /// </summary>
    public static WebApplication UsePrivacySignal(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method)
                && Visitor.SendsGlobalPrivacyControl(context.Request)
                && context.User.IsInRole(Roles.Customer)
                && !context.User.IsSupportSession()
                && PageLoads.IsPageLoad(context.Request)
                && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } customerId)
            {
                await context.RequestServices.GetRequiredService<PrivacySignal>()
                    .HonourAsync(customerId, context.User.GetDisplayName(), context.RequestAborted);
            }
            await next(context);
        });
        return app;
    }

    /// <summary>The site-wide statement that this site honours the signal (https://privacycg.github.io/gpc-spec/).</summary>
    public static IEndpointRouteBuilder MapPrivacySignal(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/.well-known/gpc.json", () => Results.Json(new { gpc = true, lastUpdate = "2026-11-28" }));
        return endpoints;
    }
}
