using System.Security.Claims;
using Com1ControlPanel.Components;
using Com1ControlPanel.Infrastructure.Hosting;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Features.Customers;

public static class BrowserTimeZoneEndpoints
{
    /// <summary>
    /// On every page load by a signed-in customer, note the time zone their browser reports (the page script's cookie),
    /// so emails and notifications written later use it. Never in a support session: that browser is the agent's.
    /// </summary>
    public static WebApplication UseBrowserTimeZone(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method)
                && ViewerTime.ZoneId(context) is { } zoneId
                && context.User.IsInRole(Roles.Customer)
                && !context.User.IsSupportSession()
                && PageLoads.IsPageLoad(context.Request)
                && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } customerId)
            {
                await context.RequestServices.GetRequiredService<CustomerTimeZones>()
                    .RememberAsync(customerId, zoneId, context.RequestAborted);
            }
            await next(context);
        });
        return app;
    }
}
