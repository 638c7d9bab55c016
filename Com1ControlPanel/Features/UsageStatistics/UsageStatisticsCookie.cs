using System.Security.Cryptography;
using Com1ControlPanel.Features.Cookies;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Features.UsageStatistics;

/// <summary>
/// The website usage statistics cookie, set only where it is allowed: for a visitor who allowed usage statistics in the
/// cookie banner, or a customer who allowed "Website usage statistics" themselves. Until they answer nobody gets the
/// cookie or is counted: counting "new visitors" needs an identifier. Staff are never counted. Where it is not allowed,
/// an existing cookie is removed and nothing is counted.
/// </summary>
public static class UsageStatisticsCookie
{
    public static readonly string CookieName = Cookies.CookieRegistry.UsageStatistics.Name;

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

    // A non-essential cookie needs consent before it is set: the visitor's own answer to the cookie banner (or, for a
    // customer, to the switch on their preferences), never a starting position they did not choose.
    private static async Task<bool> AllowedAsync(HttpContext context) =>
        (await context.RequestServices.GetRequiredService<CookieConsent>().StatusAsync(context)).AllowsStatistics;
}
