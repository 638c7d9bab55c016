using System.Security.Claims;

namespace Com1ControlPanel.Infrastructure.Auditing;

/// <summary>
/// Signing out during a support session ends the session too and spends its hand-back, so no copy of the cookie can
/// ever bring the agent's sign-in back. The Support feature owns the sessions and does it.
/// </summary>
public interface ISupportSessionSignOut
{
    /// <summary>Ends the session <paramref name="user"/> is in, if any; called just before the sign-in cookie goes.</summary>
    Task EndAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);
}
