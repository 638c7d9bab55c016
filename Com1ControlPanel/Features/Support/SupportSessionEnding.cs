using Com1ControlPanel.Data;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support;

/// <summary>
/// Ends sessions: by the agent, the customer or an administrator, when the agent loses the right to act, or by itself
/// when its time has run out. A session ends once; what ended it is never rewritten.
/// </summary>
public sealed class SupportSessionEnding(
    IDbContextFactory<AppDbContext> dbFactory, SupportSessionEvents events, TimeProvider time, ILogger<SupportSessionEnding> logger)
{
    /// <summary>
    /// Ends the session now if it is still running; a session whose time ran out is closed as expired at its expiry.
    /// Returns the session, or null when there is none with that id.
    /// </summary>
    /// <param name="endedByUserId">Who ended it; null when nobody did by hand (the agent's access was withdrawn).</param>
    public Task<SupportSession?> EndAsync(Guid sessionId, SessionEnding ending, string? endedByUserId, CancellationToken cancellationToken = default) =>
        CloseAsync(sessionId, (ending, endedByUserId), cancellationToken);

    /// <summary>Closes the session as expired if its time has run out; a running session is left alone.</summary>
    public Task<SupportSession?> CloseIfExpiredAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        CloseAsync(sessionId, endNow: null, cancellationToken);

    private async Task<SupportSession?> CloseAsync(
        Guid sessionId, (SessionEnding Ending, string? By)? endNow, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.SupportSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || session.EndedAt is not null || session.IsActiveAt(now) && endNow is null)
        {
            return session;
        }
        // A session whose time ran out ended at its expiry, whoever notices it later.
        var (endedAt, ending, by) = session.IsActiveAt(now)
            ? (now, endNow!.Value.Ending, endNow.Value.By)
            : (session.ExpiresAt, SessionEnding.Expired, (string?)null);
        // The ending and the customer's notification of it are kept together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Only a session still open is ended: of two endings racing, the first one counts.
        var ended = await db.SupportSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.EndedAt, endedAt)
                .SetProperty(x => x.Ending, ending)
                .SetProperty(x => x.EndedByUserId, by), cancellationToken);
        if (ended == 1)
        {
            // Only the ending that counts tells the customer: of two endings racing, one notification.
            await SessionFollowUp.AddAsync(db, sessionId, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Support session {SessionId} ended: {Ending}", session.Id, ending);
            events.RaiseEnded(session.Id, ending);
        }
        session = await db.SupportSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, cancellationToken);
        return session;
    }
}
