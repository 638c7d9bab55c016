namespace Com1ControlPanel.Tests.Kit;

/// <summary>Waiting for work the app does in the background: a condition checked until it holds or its time is up.</summary>
public static class Eventually
{
    /// <summary>Checks <paramref name="condition"/> every 100 ms; fails with <paramref name="failure"/> after <paramref name="within"/>.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan within, string failure)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(failure);
            }
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Reads every 100 ms until <paramref name="done"/> holds for what was read, or <paramref name="within"/> has passed;
    /// returns the last value read either way, so the test's assertion on it says what was there instead.
    /// </summary>
    public static async Task<T> ReadUntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Waits until the app's job engine has no job queued or running: the runs an instance queues when it starts have all
    /// finished, so none of them can land in the middle of what a test arranges or counts. Jobs are counted by their state,
    /// which a job keeps from being queued until it has finished.
    /// </summary>
    public static Task JobsIdleAsync(IServiceProvider services, TimeSpan? within = null)
    {
        var monitoring = services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        return HoldsAsync(() =>
        {
            var jobs = monitoring.GetStatistics();
            return Task.FromResult(jobs.Enqueued + jobs.Processing == 0);
        }, within ?? TimeSpan.FromMinutes(2), "The job engine still had queued or running jobs.");
    }
}
