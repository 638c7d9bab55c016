using Com1ControlPanel.Data;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support;

/// <summary>Ends sessions: by the agent, by an administrator, or by itself when its time has run out.</summary>
public sealed class SupportSessionEnding(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<SupportSessionEnding> logger)
{
    /// <summary>
    /// Ends the session now if it is still running; a session whose time ran out is closed as expired at its expiry.
    /// Returns the session, or null when there is none with that id.
    /// </summary>
    public Task<SupportSession?> EndAsync(Guid sessionId, SessionEnding ending, string endedByUserId, CancellationToken cancellationToken = default) =>
        CloseAsync(sessionId, (ending, endedByUserId), cancellationToken);

    /// <summary>Closes the session as expired if its time has run out; a running session is left alone.</summary>
    public Task<SupportSession?> CloseIfExpiredAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        CloseAsync(sessionId, endNow: null, cancellationToken);

    private async Task<SupportSession?> CloseAsync(
        Guid sessionId, (SessionEnding Ending, string By)? endNow, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.SupportSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || session.EndedAt is not null || session.IsActiveAt(now) && endNow is null)
        {
            return session;
        }
        if (session.IsActiveAt(now))
        {
            session.EndedAt = now;
            session.Ending = endNow!.Value.Ending;
            session.EndedByUserId = endNow.Value.By;
        }
        else
        {
            session.EndedAt = session.ExpiresAt;
            session.Ending = SessionEnding.Expired;
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Support session {SessionId} ended: {Ending}", session.Id, session.Ending);
        return session;
    }
}
