using System.Collections.Concurrent;
using Com1ControlPanel.Data;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.UsageStatistics;

/// <summary>Counts page views in memory and adds them to the database in batches, off the request path.</summary>
public sealed class UsageCounter(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    private ConcurrentDictionary<(DateOnly Day, string Page), Tally> pending = new();

    public void Record(string page, bool newVisitor)
    {
        var tally = pending.GetOrAdd((DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), page), _ => new Tally());
        Interlocked.Increment(ref tally.Views);
        if (newVisitor)
        {
            Interlocked.Increment(ref tally.NewVisitors);
        }
    }

    /// <summary>Adds everything counted since the last flush to the stored counts.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var counted = Interlocked.Exchange(ref pending, new());
        if (counted.IsEmpty)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var ((day, page), tally) in counted)
        {
            var stored = await db.PageViewCounts.FindAsync([day, page], cancellationToken);
            if (stored is null)
            {
                db.PageViewCounts.Add(new PageViewCount { Day = day, Page = page, Views = tally.Views, NewVisitors = tally.NewVisitors });
            }
            else
            {
                stored.Views += tally.Views;
                stored.NewVisitors += tally.NewVisitors;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed class Tally
    {
        public int Views;
        public int NewVisitors;
    }
}

/// <summary>Flushes the counter every half minute and once more when the app stops.</summary>
internal sealed class UsageCounterFlusher(UsageCounter counter, TimeProvider time, ILogger<UsageCounterFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushAsync(CancellationToken.None);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await counter.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Page view counts could not be saved; they are dropped");
        }
    }
}
