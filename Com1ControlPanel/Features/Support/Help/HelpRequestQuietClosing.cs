using Com1ControlPanel.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Features.Support.Help;

/// <summary>
/// Closes the help requests nothing happened in for <see cref="SupportOptions.HelpRequestQuietDays"/> days: no step and no
/// session running or ended in that time. A closed request lets support into the account no more; the step names the panel.
/// </summary>
public sealed class HelpRequestQuietClosing(
    IDbContextFactory<AppDbContext> dbFactory, IOptions<SupportOptions> options, TimeProvider time, ILogger<HelpRequestQuietClosing> logger)
{
    private const int BatchSize = 200;

    /// <summary>
    /// The job: daily, and when an instance starts. Runs take turns across instances; one that fails is not retried, as
    /// the next day's run does its work.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 30 * 60)]
    [JobDisplayName("Close help requests after their quiet days")]
    public Task RunAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    /// <summary>Closes every request that is due; returns how many it closed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var closed = 0;
        int batch;
        do
        {
            batch = await CloseBatchAsync(cancellationToken);
            closed += batch;
        }
        while (batch == BatchSize);
        if (closed > 0)
        {
            logger.LogInformation("Closed {Count} help requests after {Days} quiet days", closed, options.Value.HelpRequestQuietDays);
        }
        return closed;
    }

    private async Task<int> CloseBatchAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var quietSince = now.AddDays(-options.Value.HelpRequestQuietDays);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.HelpRequests
            .Where(r => r.Status != HelpRequestStatus.Closed && r.LastActivityAt <= quietSince
                        && !db.SupportSessions.Any(s => s.HelpRequestId == r.Id && (s.EndedAt ?? s.ExpiresAt) > quietSince))
            .OrderBy(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var request in due)
        {
            request.CloseAfterQuietPeriod(now);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A customer closed one, or a session started, at the same moment (the version): the batch waits for the next run.
            return 0;
        }
        return due.Count;
    }
}
