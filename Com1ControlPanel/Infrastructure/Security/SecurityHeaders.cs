namespace Com1ControlPanel.Infrastructure.Security;

public static class SecurityHeaders
{
    // MudBlazor sets inline styles, so styles need 'unsafe-inline'; scripts never do.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static WebApplication UsePanelSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // Account links carry one-time tokens: never leak them to another site.
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next(context);
        });
        return app;
    }

    /// <summary>
    /// Gives plain HTTP endpoints the same authentication state that pages get, so services that read
    /// the signed-in user work the same in both.
    /// </summary>
    public static WebApplication UseAuthenticationStateForEndpoints(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.RequestServices.GetService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>()
                is Microsoft.AspNetCore.Components.Authorization.IHostEnvironmentAuthenticationStateProvider host)
            {
                host.SetAuthenticationState(Task.FromResult(
                    new Microsoft.AspNetCore.Components.Authorization.AuthenticationState(context.User)));
            }
            await next(context);
        });
        return app;
    }
}
