using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Components;

/// <summary>The light or dark theme a visitor chose, kept in a cookie so server-rendered pages paint right first time.</summary>
public static class ThemePreference
{
    public const string CookieName = "com1-theme";

    public static bool IsDark(HttpContext context) => context.Request.Cookies[CookieName] == "dark";

    /// <summary>POST /theme: the no-script way to switch theme, used by the server-rendered account pages.</summary>
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
