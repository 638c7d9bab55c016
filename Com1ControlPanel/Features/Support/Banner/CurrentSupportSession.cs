using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support;

/// <summary>The support session the signed-in browser is in, for the banner every page shows during one.</summary>
public sealed class CurrentSupportSession(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<SupportSessionBannerInfo?> GetAsync(CancellationToken cancellationToken = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (principal.SupportSessionId() is not { } sessionId)
        {
            return null;
        }
        var customerId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SupportSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.CustomerId == customerId)
            .Select(s => new SupportSessionBannerInfo(s.AgentName, s.ExpiresAt, s.EndedAt))
            .SingleOrDefaultAsync(cancellationToken);
    }
}

public sealed record SupportSessionBannerInfo(string AgentName, DateTime ExpiresAt, DateTime? EndedAt);
