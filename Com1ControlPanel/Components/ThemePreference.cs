using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Components;

/// <summary>
/// The light or dark theme. A visitor's own choice is kept in a cookie; until they choose, the panel follows the
/// device's preference (prefers-color-scheme), so server-rendered pages paint right first time either way.
/// </summary>
public static class ThemePreference
{
    /// <summary>The visitor's choice, set by the theme switch.</summary>
    public static readonly string CookieName = Features.Cookies.CookieRegistry.Theme.Name;

    /// <summary>The device's preference, noted by panel.js for browsers that do not send the client hint below.</summary>
    public static readonly string DeviceCookieName = Features.Cookies.CookieRegistry.DeviceTheme.Name;

    /// <summary>The client hint Chromium browsers send with the device's preference once the panel asks for it.</summary>
    public const string ClientHint = "Sec-CH-Prefers-Color-Scheme";

    public static bool IsDark(HttpContext context) => Chosen(context) ?? DevicePrefersDark(context) ?? false;

    private static bool? Chosen(HttpContext context) => Parse(context.Request.Cookies[CookieName]);

    private static bool? DevicePrefersDark(HttpContext context) =>
        Parse(context.Request.Headers[ClientHint].ToString().Trim('"')) ?? Parse(context.Request.Cookies[DeviceCookieName]);

    private static bool? Parse(string? value) => value switch
    {
        "dark" => true,
        "light" => false,
        _ => null,
    };

    /// <summary>
    /// Asks Chromium browsers for the device's preference on every page (Accept-CH), and to send it with the very first
    /// page too (Critical-CH makes the browser retry that request with the hint before showing anything).
    /// </summary>
    public static WebApplication UseThemePreferenceHints(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            // Pages only: a retried form post would be sent twice, and scripts and styles do not depend on the theme.
            if (HttpMethods.IsGet(context.Request.Method) && IsPageLoad(context.Request))
            {
                var headers = context.Response.Headers;
                headers["Accept-CH"] = ClientHint;
                headers["Critical-CH"] = ClientHint;
                headers.Append(Microsoft.Net.Http.Headers.HeaderNames.Vary, ClientHint);
            }
            await next(context);
        });
        return app;
    }

    private static bool IsPageLoad(HttpRequest request) =>
        request.Headers["Sec-Fetch-Dest"] == "document"
        || request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>POST /theme: the way to switch theme without scripts (panel.js switches in the browser, without it).</summary>
    public static IEndpointRouteBuilder MapThemeEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/theme", (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string mode,
            [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            context.Response.Cookies.Append(CookieName, mode == "dark" ? "dark" : "light", new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                Path = "/",
            });
            return Results.LocalRedirect(ReturnUrls.LocalOrHome(returnUrl));
        });
        return endpoints;
    }
}
