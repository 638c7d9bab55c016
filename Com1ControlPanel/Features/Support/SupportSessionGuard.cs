using System.Security.Claims;
using Microsoft.AspNetCore.StaticAssets;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Features.Support;

/// <summary>
/// Runs on every request made with a support session's cookie. A session that has ended or run out (or a cookie naming
/// a session that is not this account's) gives the browser back to the agent; what support may never do in a customer's
/// account is refused here, whatever link or hand-made request asks for it. Both are recorded as attempts.
/// </summary>
public sealed class SupportSessionGuard(RequestDelegate next)
{
    public const string NotAllowedPath = "/support/not-allowed";
    public const string ConsolePath = "/support";
    public const string ConsoleInSessionPath = "/support/in-session";

    public async Task InvokeAsync(
        HttpContext http, SupportSessionCheck check, SupportAttempts attempts, SupportSessionEnding ending, SupportHandBack handBack)
    {
        var path = http.Request.Path;
        if (http.User.SupportSessionId() is not { } sessionId || IsStaticAsset(http))
        {
            await next(http);
            return;
        }
        var customerId = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var agentId = http.User.FindFirstValue(SupportClaims.ActorId) ?? "unknown";

        var status = await check.StatusAsync(sessionId, customerId, http.RequestAborted);
        if (status != SupportSessionStatus.Active)
        {
            await attempts.RecordAsync(agentId, customerId, SupportRefusal.SessionEnded);
            if (status == SupportSessionStatus.AccountClosed)
            {
                await ending.EndAsync(sessionId, SessionEnding.AccountClosed, endedByUserId: null);
            }
            else if (status == SupportSessionStatus.AgentRevoked)
            {
                // The agent was locked, lost the support role or had their sign-in revoked: the session ends now, ended by
                // no one in particular (whoever changed the agent's account is in that account's own records).
                await ending.EndAsync(sessionId, SessionEnding.AgentAccessRevoked, endedByUserId: null);
            }
            else
            {
                // Only a session whose time ran out is closed here: a cookie that names someone else's running session
                // must not end it.
                await ending.CloseIfExpiredAsync(sessionId);
            }
            var restored = await handBack.ToAgentAsync(http.User, http.RequestAborted);
            await RefuseAsync(http, restored ? $"/support?ended={sessionId}" : "/Account/Login", SupportRefusal.SessionEnded);
            return;
        }
        if (SupportForbiddenPaths.IsForbidden(path))
        {
            await attempts.RecordAsync(agentId, customerId, SupportRefusal.ForbiddenDuringSession, SupportForbiddenPaths.Attempted(path));
            await RefuseAsync(http, NotAllowedPath, SupportRefusal.ForbiddenDuringSession);
            return;
        }
        // Inside a session the agent is signed in as the customer, who has no console: say so, and offer the way out.
        if (HttpMethods.IsGet(http.Request.Method) && path.Equals(ConsolePath, StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Redirect(ConsoleInSessionPath);
            return;
        }
        await next(http);
    }

    // A page load is sent where it can be explained; anything else (a form post, a script's request, the live
    // connection) gets a plain refusal, since a redirect would let a post appear to work.
    private static async Task RefuseAsync(HttpContext http, string location, SupportRefusal refusal)
    {
        if (HttpMethods.IsGet(http.Request.Method) && !http.Request.Path.StartsWithSegments("/_blazor"))
        {
            http.Response.Redirect(location);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        await http.Response.WriteAsync(refusal.Describe());
    }

    // The files MapStaticAssets serves (scripts, styles, fonts) carry nothing of the account: no database check for each.
    // Told by the endpoint routing chose, never by the look of the path: "/profile.x" is not a way around the guard.
    private static bool IsStaticAsset(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;
}

/// <summary>
/// What stays with the customer: sign-in and security settings, the email address, downloads of their data, entering a
/// payment card, asking for help.
/// </summary>
public static class SupportForbiddenPaths
{
    private static readonly string[] Prefixes =
    [
        // Password, two-factor, passkeys, email address, personal data download and account closure.
        "/Account/Manage",
        // Confirming a new email address: the address stays with the customer, and the page rebuilds the sign-in.
        "/Account/ConfirmEmailChange",
        "/Account/PasskeyCreationOptions",
        // Downloads of the customer's data.
        "/disclosures/export",
        "/preferences/receipt",
        // The payment card: support sees it masked on /billing, but the card entry of every gateway stays with the customer.
        "/gateway/",
        // Closing the notice about a new privacy policy records that the customer saw it; choosing cookies is the
        // customer's consent. Neither can be given by someone else's click.
        "/privacy/notice/",
        "/cookies/choice",
        // Asking Com 1 support for help is the customer's own request, and its permission their approval.
        "/help/new",
    ];

    public static bool IsForbidden(PathString path) => Matching(path) is not null;

    /// <summary>
    /// The forbidden page as it is kept with the refused attempt: the matched prefix, and under /Account/Manage the page's
    /// name. The rest of the path is dropped, since it may hold a token, a reference or the customer's data.
    /// </summary>
    public static string? Attempted(PathString path)
    {
        if (Matching(path) is not { } prefix)
        {
            return null;
        }
        var page = prefix.TrimEnd('/');
        var next = path.Value![prefix.Length..].TrimStart('/').Split('/')[0];
        return prefix == "/Account/Manage" && next.Length is > 0 and <= 40 && next.All(char.IsAsciiLetter) ? $"{page}/{next}" : page;
    }

    private static string? Matching(PathString path) =>
        Prefixes.FirstOrDefault(prefix => path.Value?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == true);
}

public static class SupportSessionGuardExtensions
{
    public static IApplicationBuilder UseSupportSessionGuard(this IApplicationBuilder app) => app.UseMiddleware<SupportSessionGuard>();
}
