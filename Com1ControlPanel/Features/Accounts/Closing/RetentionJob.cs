namespace Com1ControlPanel.Features.Accounts.Closing;

/// <summary>
/// Runs <see cref="ClosedAccountRetention"/> at start-up and then once a day, on the panel's clock, as the card expiry
/// reminders run. A run cut short leaves every account it had not finished as it was, for the next run.
/// </summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<RetentionJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ClosedAccountRetention>().RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The retention of closed accounts failed; trying again at the next run");
            }
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
