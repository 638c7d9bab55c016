namespace Com1ControlPanel.Infrastructure.Security;

public static class SecurityHeaders
{
    private const string NonceKey = "com1.csp-nonce";

    // MudBlazor sets inline styles, so styles need 'unsafe-inline'. The only inline script is the framework's
    // import map, allowed by a nonce that changes with every response. Other origins come only from features that are
    // configured to use them (ContentSecurityPolicySources).
    private static string ContentSecurityPolicy(string nonce, ContentSecurityPolicySources sources) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'{More(sources.Scripts)}; style-src 'self' 'unsafe-inline'; "
        + $"img-src 'self' data:; font-src 'self'; connect-src 'self'{More(sources.Connections)}; frame-src 'self'{More(sources.Frames)}; "
        + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    private static string More(List<string> origins) => string.Concat(origins.Select(origin => " " + origin));

    /// <summary>This response's script nonce, for the few inline scripts the page must carry.</summary>
    public static string ScriptNonce(HttpContext context) => context.Items[NonceKey] as string ?? "";

    public static WebApplication UsePanelSecurityHeaders(this WebApplication app)
    {
        var sources = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ContentSecurityPolicySources>>().Value;
        app.Use(async (context, next) =>
        {
            var nonce = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce, sources);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // Account links carry one-time tokens: never leak them to another site. (Not no-referrer: passkey
            // checks need the Origin header, which browsers send as "null" under no-referrer.)
            headers["Referrer-Policy"] = "same-origin";
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
