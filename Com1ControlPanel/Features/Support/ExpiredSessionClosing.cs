using Com1ControlPanel.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support;

/// <summary>
/// Closes the support sessions whose time ran out while nobody was looking (the agent closed the tab, say), so the customer
/// gets the same follow-up on their bell as for a session someone ended. Each goes through
/// <see cref="SupportSessionEnding"/>: only the closing that writes the session's end sends the follow-up, so a session
/// never gets two, even when the agent's next request notices the expiry at the same moment.
/// </summary>
public sealed class ExpiredSessionClosing(
    IDbContextFactory<AppDbContext> dbFactory, SupportSessionEnding ending, TimeProvider time, ILogger<ExpiredSessionClosing> logger)
{
    private const int BatchSize = 100;

    /// <summary>
    /// The job: every minute, so a follow-up comes at most a minute or so after a session ran out unnoticed, and when an
    /// instance starts. Runs take turns across instances; one that fails is not retried, as the next minute's run does its work.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 5 * 60)]
    [JobDisplayName("Close support sessions whose time ran out")]
    public Task RunAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    /// <summary>
    /// Closes every session that ran out and is not closed yet; returns how many this run closed. A session that fails to
    /// close is logged and skipped for the rest of the run, so it neither holds back the sessions behind it nor keeps the
    /// run going round forever; the next run tries it again.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var closed = 0;
        var failed = new List<Guid>();
        List<Guid> due;
        do
        {
            var now = time.GetUtcNow().UtcDateTime;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                due = await db.SupportSessions.AsNoTracking()
                    .Where(s => s.EndedAt == null && s.ExpiresAt <= now && !failed.Contains(s.Id))
                    .OrderBy(s => s.ExpiresAt).Select(s => s.Id).Take(BatchSize).ToListAsync(cancellationToken);
            }
            foreach (var id in due)
            {
                try
                {
                    // Each one that ran out is closed here or, at the same moment, by whoever else noticed: it leaves the list.
                    await ending.CloseIfExpiredAsync(id, cancellationToken);
                    closed++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Support session {SessionId} ran out but could not be closed; trying again at the next run", id);
                    failed.Add(id);
                }
            }
        }
        while (due.Count == BatchSize);
        if (closed > 0)
        {
            logger.LogInformation("Closed {Count} support sessions whose time ran out", closed);
        }
        return closed;
    }
}
