using System.Security.Claims;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace Com1ControlPanel.Features.Support;

/// <summary>
/// Starting and ending a support session are plain form posts: only an HTTP response can change the sign-in cookie,
/// and the fresh page load after it gives the browser a new live connection as the new user.
/// </summary>
public static class SupportEndpoints
{
    public const string StartPath = "/support/sessions/start";
    public const string EndPath = "/support/sessions/end";

    public static IEndpointRouteBuilder MapSupportSessions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(StartPath, async (
            HttpContext http,
            SupportSessions sessions,
            SupportAttempts attempts,
            [FromForm] string? customerId,
            [FromForm] string? reason,
            [FromForm] string? ticket,
            [FromForm] string? note,
            [FromForm] string? minutes) =>
        {
            var form = new SupportStartForm
            {
                CustomerId = customerId ?? "",
                // Names only: a number would otherwise slip through Enum.TryParse as an undefined reason.
                Reason = Enum.TryParse<SupportReason>(reason, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(reason, out _)
                    ? parsed : null,
                Ticket = ticket ?? "",
                Note = note ?? "",
                Minutes = int.TryParse(minutes, out var length) ? length : 0,
            };
            var result = await sessions.StartAsync(form);
            switch (result)
            {
                case SupportStartResult.Started started:
                    await SupportSignIn.AsCustomerAsync(http, started.Session);
                    return Results.LocalRedirect("~/");
                case SupportStartResult.Invalid:
                    await attempts.RecordAsync(http.User.FindFirstValue(ClaimTypes.NameIdentifier)!, form.CustomerId, SupportRefusal.InvalidRequest);
                    return Back(form.CustomerId, SupportRefusal.InvalidRequest);
                case SupportStartResult.Refused { Refusal: SupportRefusal.AlreadyInSession }:
                    return Results.LocalRedirect("~/");
                case SupportStartResult.Refused refused:
                    return Back(form.CustomerId, refused.Refusal);
                default:
                    return Back(form.CustomerId, SupportRefusal.InvalidRequest);
            }
        }).RequireAuthorization();

        endpoints.MapPost(EndPath, async (HttpContext http, SupportSessionEnding ending) =>
        {
            if (http.User.SupportSessionId() is not { } sessionId)
            {
                return Results.LocalRedirect("~/support");
            }
            var agentId = http.User.FindFirstValue(SupportClaims.ActorId)!;
            await ending.EndAsync(sessionId, SessionEnding.EndedByAgent, agentId);
            return await SupportSignIn.BackToAgentAsync(http)
                ? Results.LocalRedirect($"~/support?ended={sessionId}")
                : Results.LocalRedirect("~/Account/Login");
        }).RequireAuthorization();

        return endpoints;
    }

    private static IResult Back(string customerId, SupportRefusal refusal) =>
        Results.LocalRedirect($"~/support?customer={Uri.EscapeDataString(customerId.Length > 450 ? "" : customerId)}&refused={refusal}");
}
