using System.Security.Claims;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Features.Support;

/// <summary>Signing out of a customer's account in a session is the agent ending it.</summary>
public sealed class SupportSessionSignOut(SupportSessionEnding ending, SupportHandBack handBack) : ISupportSessionSignOut
{
    public async Task EndAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.SupportSessionId() is { } sessionId)
        {
            await ending.EndAsync(sessionId, SessionEnding.EndedByAgent, user.FindFirstValue(SupportClaims.ActorId)!, cancellationToken);
            await handBack.SpendAsync(user, cancellationToken);
        }
    }
}
