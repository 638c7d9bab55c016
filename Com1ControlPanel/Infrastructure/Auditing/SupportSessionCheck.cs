using Com1ControlPanel.Data;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Infrastructure.Auditing;

/// <summary>
/// Whether a support session may still act: not ended and not past its expiry. Asked on every request and every
/// service call made inside a session, so an expired session stops at once on the server, whatever the browser shows.
/// </summary>
public sealed class SupportSessionCheck(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task<bool> IsActiveAsync(Guid sessionId, string customerId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SupportSessions.AnyAsync(
            s => s.Id == sessionId && s.CustomerId == customerId && s.EndedAt == null && s.ExpiresAt > now, cancellationToken);
    }
}

/// <summary>Thrown when a support session that has ended (or expired) tries to act.</summary>
public sealed class SupportSessionEndedException()
    : UnauthorizedAccessException("The support session has ended.");
