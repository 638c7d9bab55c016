using System.Linq.Expressions;
using Hangfire;
using Hangfire.Common;

namespace Com1ControlPanel.Infrastructure.Jobs;

/// <summary>Work a feature wants done on a schedule, by one instance at a time (see <see cref="RecurringJobs"/>).</summary>
/// <param name="RunAtStart">Also run once when an instance starts, rather than waiting for the schedule's next turn.</param>
public sealed record RecurringWork(string Id, Job Job, string Cron, bool RunAtStart);

public static class RecurringJobs
{
    /// <summary>
    /// Declares a recurring job. Features declare them with their services; the job engine (when the app runs one) puts
    /// them on its schedule at start, so the schedule lives in the engine's storage and any one instance runs each turn.
    /// </summary>
    public static IServiceCollection AddRecurringJob<T>(this IServiceCollection services, string id, Expression<Func<T, Task>> job,
        string cron, bool runAtStart = false)
    {
        services.AddSingleton(new RecurringWork(id, Job.FromExpression(job), cron, runAtStart));
        return services;
    }
}

/// <summary>Puts the declared <see cref="RecurringWork"/> on the engine's schedule when the app starts.</summary>
internal sealed class RecurringJobScheduler(
    IEnumerable<RecurringWork> work, IRecurringJobManager schedule, IBackgroundJobClient jobs, ILogger<RecurringJobScheduler> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var item in work)
        {
            // The same id from every instance: one schedule, however many instances declare it.
            schedule.AddOrUpdate(item.Id, item.Job, item.Cron, new RecurringJobOptions());
            if (item.RunAtStart)
            {
                jobs.Create(item.Job, new Hangfire.States.EnqueuedState());
            }
            logger.LogInformation("Recurring job {JobId} scheduled ({Cron})", item.Id, item.Cron);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
