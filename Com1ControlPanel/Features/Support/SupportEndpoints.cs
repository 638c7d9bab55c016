using System.Security.Claims;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Antiforgery;

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
        endpoints.MapPost(StartPath, async (HttpContext http, IAntiforgery antiforgery, SupportSessions sessions, SupportAttempts attempts) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return ForgedRequest;
            }
            var fields = await http.Request.ReadFormAsync();
            string? Field(string name) => fields.TryGetValue(name, out var value) ? value.ToString() : null;
            var (customerId, reason, minutes) = (Field("customerId"), Field("reason"), Field("minutes"));
            var form = new SupportStartForm
            {
                CustomerId = customerId ?? "",
                // Names only: a number would otherwise slip through Enum.TryParse as an undefined reason.
                Reason = Enum.TryParse<SupportReason>(reason, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(reason, out _)
                    ? parsed : null,
                Ticket = Field("ticket") ?? "",
                Note = Field("note") ?? "",
                Minutes = int.TryParse(minutes, out var length) ? length : 0,
                HelpRequest = Field("helpRequest"),
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
        }).RequireAuthorization().DisableAntiforgery();

        endpoints.MapPost(EndPath, async (HttpContext http, IAntiforgery antiforgery, SupportSessionEnding ending, SupportHandBack handBack) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return ForgedRequest;
            }
            if (http.User.SupportSessionId() is not { } sessionId)
            {
                return Results.LocalRedirect("~/support");
            }
            var agentId = http.User.FindFirstValue(SupportClaims.ActorId)!;
            await ending.EndAsync(sessionId, SessionEnding.EndedByAgent, agentId);
            return await handBack.ToAgentAsync(http.User, http.RequestAborted)
                ? Results.LocalRedirect($"~/support?ended={sessionId}")
                : Results.LocalRedirect("~/Account/Login");
        }).RequireAuthorization().DisableAntiforgery();

        return endpoints;
    }

    // Checked here rather than by the antiforgery middleware, whose refusal surfaces as a server error in minimal APIs.
    private static readonly IResult ForgedRequest =
        Results.BadRequest("The form had expired or did not come from the control panel. Reload the page and try again.");

    private static IResult Back(string customerId, SupportRefusal refusal) =>
        Results.LocalRedirect($"~/support?customer={Uri.EscapeDataString(customerId.Length > 450 ? "" : customerId)}&refused={refusal}");
}
