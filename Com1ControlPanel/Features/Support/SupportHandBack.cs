using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support;

/// <summary>
/// Gives the browser of an ended support session back to the agent: once, and from what the server recorded when the
/// session started, never from the cookie alone. A copy of an old session cookie replayed later (after the end, after
/// the agent signed out, or after the agent's password, role or lockout changed) finds the hand-back spent or void, and
/// the browser ends signed out.
/// </summary>
public sealed class SupportHandBack(
    IDbContextFactory<AppDbContext> dbFactory,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    TimeProvider time,
    ILogger<SupportHandBack> logger)
{
    /// <summary>Signs the agent back in as themselves, or signs the browser out (and returns false).</summary>
    public async Task<bool> ToAgentAsync(ClaimsPrincipal sessionUser, CancellationToken cancellationToken = default)
    {
        var session = await SpendAsync(sessionUser, cancellationToken);
        var agent = session is null ? null : await users.FindByIdAsync(session.AgentUserId);
        if (session is null || agent is null || !await MayStillActAsync(agent, session))
        {
            logger.LogWarning("A support session cookie was refused a hand-back to its agent {AgentId}",
                sessionUser.FindFirstValue(SupportClaims.ActorId));
            await signIn.SignOutAsync();
            return false;
        }
        List<Claim> claims = [PanelClaims.SignedInAtClaim(new DateTimeOffset(session.AgentSignedInAt, TimeSpan.Zero))];
        if (session.AgentUsedSecondFactor)
        {
            claims.Add(new Claim(PanelClaims.AuthenticationMethod, PanelClaims.MultiFactor));
        }
        await signIn.SignInWithClaimsAsync(agent, new AuthenticationProperties { IsPersistent = false }, claims);
        return true;
    }

    /// <summary>
    /// Spends the cookie's hand-back key if it is the one the server knows for this ended session and was never spent.
    /// Signing out of a session spends it too, so no copy of the cookie can come back to the agent afterwards.
    /// </summary>
    public async Task<SupportSession?> SpendAsync(ClaimsPrincipal sessionUser, CancellationToken cancellationToken = default)
    {
        if (sessionUser.SupportSessionId() is not { } sessionId
            || !Guid.TryParse(sessionUser.FindFirstValue(SupportClaims.HandBackId), out var handBackId))
        {
            return null;
        }
        var customerId = sessionUser.FindFirstValue(ClaimTypes.NameIdentifier);
        var agentId = sessionUser.FindFirstValue(SupportClaims.ActorId);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One statement: of two requests racing with the same cookie, exactly one spends the key.
        var spent = await db.SupportSessions
            .Where(s => s.Id == sessionId && s.HandBackId == handBackId && s.CustomerId == customerId && s.AgentUserId == agentId
                        && s.EndedAt != null && s.HandedBackAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.HandedBackAt, now), cancellationToken);
        return spent == 1 ? await db.SupportSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, cancellationToken) : null;
    }

    private async Task<bool> MayStillActAsync(ApplicationUser agent, SupportSession session) =>
        await users.IsInRoleAsync(agent, Roles.SupportAgent)
        && !await users.IsLockedOutAsync(agent)
        && AgentStamp.Matches(await users.GetSecurityStampAsync(agent), session.AgentStampHash);
}
