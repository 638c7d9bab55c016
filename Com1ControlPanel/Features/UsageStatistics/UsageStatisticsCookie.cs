using System.Security.Cryptography;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Features.UsageStatistics;

/// <summary>
/// The website usage statistics cookie, set only where it is allowed: for a customer who allows "Website usage
/// statistics". An anonymous visitor has consented to nothing (no cookie banner yet), so they get no cookie and are not
/// counted: counting "new visitors" needs an identifier. Staff are never counted. Where it is not allowed, an existing
/// cookie is removed and nothing is counted.
/// </summary>
public static class UsageStatisticsCookie
{
    public const string CookieName = "com1-usage";

    public static WebApplication UseUsageStatistics(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) && context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } page }
                && context.Request.Headers["Sec-Fetch-Dest"] is var dest && (dest.Count == 0 || dest == "document")
                && context.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true))
            {
                await CountAsync(context, page);
            }
            await next(context);
        });
        return app;
    }

    private static async Task CountAsync(HttpContext context, string page)
    {
        // In a support session the browser is the agent's: its views are not the customer's usage, and the customer's
        // choice about the cookie is theirs to make, not to be acted on in someone else's browser.
        if (context.User.IsSupportSession())
        {
            return;
        }
        if (!await AllowedAsync(context))
        {
            if (context.Request.Cookies.ContainsKey(CookieName))
            {
                context.Response.Cookies.Delete(CookieName);
            }
            return;
        }
        var newVisitor = !context.Request.Cookies.ContainsKey(CookieName);
        if (newVisitor)
        {
            context.Response.Cookies.Append(CookieName, Convert.ToHexString(RandomNumberGenerator.GetBytes(12)), new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                Path = "/",
            });
        }
        context.RequestServices.GetRequiredService<UsageCounter>().Record(page, newVisitor);
    }

    private static async Task<bool> AllowedAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            // A non-essential cookie needs consent before it is set, and a visitor who has not signed in gave none.
            return false;
        }
        return user.IsInRole(Roles.Customer) && await context.RequestServices.GetRequiredService<ConsentService>()
            .AllowsAsync(new ConsentKey(MarketingPurpose.UsageStatistics, ContactChannel.None), context.RequestAborted);
    }
}
