using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support;

/// <summary>The support session the signed-in browser is in, for the banner every page shows during one.</summary>
public sealed class CurrentSupportSession(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, SupportSessionCheck check)
{
    /// <summary>Whether the session may still act: not ended, not run out, and its agent still allowed to.</summary>
    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        return principal.SupportSessionId() is { } sessionId && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } customerId
            && await check.IsActiveAsync(sessionId, customerId, cancellationToken);
    }

    public async Task<SupportSessionBannerInfo?> GetAsync(CancellationToken cancellationToken = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (principal.SupportSessionId() is not { } sessionId)
        {
            return null;
        }
        var customerId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (from session in db.SupportSessions.AsNoTracking()
                      join customer in db.Customers on session.CustomerId equals customer.Id
                      where session.Id == sessionId && session.CustomerId == customerId
                      select new SupportSessionBannerInfo(session.Id, session.AgentName, customer.FullName, session.ExpiresAt, session.EndedAt))
            .SingleOrDefaultAsync(cancellationToken);
    }
}

public sealed record SupportSessionBannerInfo(Guid SessionId, string AgentName, string CustomerName, DateTime ExpiresAt, DateTime? EndedAt);
