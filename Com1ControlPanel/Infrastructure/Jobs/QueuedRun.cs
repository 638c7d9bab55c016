using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace Com1ControlPanel.Infrastructure.Jobs;

/// <summary>
/// Queues a run of a job as soon as there is new work for it, rather than leaving the work to the job's next scheduled
/// turn; but not a run per piece of work: while a run this instance queued has not started, new work queues nothing, as
/// that run will find it. The job calls <see cref="Started"/> when it begins, so work saved after that queues a run of its
/// own. When another instance took the run, this one never hears that it started: after <see cref="StaleAfter"/> it
/// queues again. Without a job engine (the service tests) nothing is queued: the test runs the job itself.
/// </summary>
/// <remarks>
/// A run per piece of work would be correct too, but runs that take turns (notices) would each hold a worker while they
/// wait for the one before, and the workers are shared with email delivery.
/// </remarks>
public abstract class QueuedRun(IBackgroundJobClient? jobs, TimeProvider? time, Job run)
{
    /// <summary>How long a queued run counts as still to come: well past the engine's poll interval.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(5);

    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly Lock gate = new();
    private DateTimeOffset? queuedAt;

    /// <summary>New work was saved: queues a run unless one this instance queued is still to start.</summary>
    public void Notify()
    {
        if (jobs is null)
        {
            return;
        }
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (queuedAt is { } queued && now - queued < StaleAfter)
            {
                return;
            }
            queuedAt = now;
        }
        jobs.Create(run, new EnqueuedState());
    }

    /// <summary>A run began on this instance: it sees the work saved so far; work saved from now on needs a run of its own.</summary>
    public void Started()
    {
        lock (gate)
        {
            queuedAt = null;
        }
    }
}
