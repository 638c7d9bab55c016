using Com1ControlPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace Com1ControlPanel.Features.Policies;

public static class PolicyEndpoints
{
    /// <summary>Where the notice's "Got it" posts: a plain form, so it works on server-rendered and live pages alike.</summary>
    public const string AcknowledgePath = "/privacy/notice/close";

    /// <summary>POST /privacy/notice/close: the signed-in customer closes the notice about the version in force.</summary>
    public static IEndpointRouteBuilder MapPolicyNotice(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(AcknowledgePath, async ([FromForm] string version, [FromForm] string? how, [FromForm] string? returnUrl,
                PolicyAcknowledgements acknowledgements, CancellationToken cancellationToken) =>
            {
                var method = how == "changes" ? AcknowledgementMethod.ClosedNoticeAfterReadingChanges : AcknowledgementMethod.ClosedNotice;
                try
                {
                    await acknowledgements.AcknowledgeAsync(version, method, cancellationToken);
                }
                catch (UnauthorizedAccessException)
                {
                    return Results.StatusCode(StatusCodes.Status403Forbidden);
                }
                return Results.LocalRedirect(ReturnUrls.LocalOrHome(returnUrl));
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Customer));
        return endpoints;
    }
}
