using Com1ControlPanel.Infrastructure.Email;
using Hangfire;
using Hangfire.Storage;

namespace Com1ControlPanel.Tests.Infrastructure.Email;

/// <summary>
/// Emails go out through the job engine, so any instance may deliver them and an admin sees the runs at /admin/jobs: a
/// saved message queues a delivery run at once, and a run every minute sends what came due since.
/// </summary>
public sealed class OutboxOnJobEngineTests
{
    [Fact]
    public async Task A_saved_message_is_delivered_by_a_run_the_job_engine_took_up()
    {
        using var app = new PanelApp();
        var subject = $"Engine delivery {Guid.NewGuid():N}"[..28];

        await app.Services.GetRequiredService<Outbox>().EnqueueAsync(Email(subject));

        var delivered = await Eventually.ReadUntilAsync(
            () => Task.FromResult(app.Mailbox.Messages().Where(m => m.Subject == subject).ToList()),
            found => found.Count > 0, TimeSpan.FromSeconds(20));
        Assert.Single(delivered);
        var runs = await Eventually.ReadUntilAsync(
            () => Task.FromResult(SucceededRuns(app, nameof(OutboxDispatcher.DeliverNowAsync))),
            found => found > 0, TimeSpan.FromSeconds(10));
        Assert.True(runs > 0, "No delivery run of the job engine succeeded.");
    }

    [Fact]
    public async Task A_message_saved_without_a_signal_goes_out_on_the_minutely_run()
    {
        using var app = new PanelApp();
        await Eventually.JobsIdleAsync(app.Services);
        var subject = $"Minutely delivery {Guid.NewGuid():N}"[..30];
        // As a retry comes due, or a message another instance claimed and never finished: nobody queues a run for it.
        await using (var db = app.CreateDbContext())
        {
            db.OutboxMessages.Add(new Outbox(app.Services.GetRequiredService<IDbContextFactory<Com1ControlPanel.Data.AppDbContext>>(),
                new OutboxSignal(), TimeProvider.System).Message(Email(subject)));
            await db.SaveChangesAsync();
        }
        using (var connection = app.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            var schedule = connection.GetRecurringJobs().SingleOrDefault(j => j.Id == OutboxDispatcher.RecurringJobId);
            Assert.NotNull(schedule);
            Assert.Equal(Cron.Minutely(), schedule.Cron);
        }
        // Nothing sends it before the schedule's turn.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(app.Mailbox.Messages(), m => m.Subject == subject);

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(OutboxDispatcher.RecurringJobId);

        var delivered = await Eventually.ReadUntilAsync(
            () => Task.FromResult(app.Mailbox.Messages().Where(m => m.Subject == subject).ToList()),
            found => found.Count > 0, TimeSpan.FromSeconds(20));
        Assert.Single(delivered);
    }

    private static OutboundEmail Email(string subject) =>
        new(null, "engine@example.com", subject, EmailTemplate.Compose("Customer", ["Your backup finished."]),
            MessageCategory.Essential, "Your backup finished.");

    private static long SucceededRuns(PanelApp app, string method) =>
        app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().SucceededJobs(0, 500)
            .Count(j => j.Value.Job?.Type == typeof(OutboxDispatcher) && j.Value.Job.Method.Name == method);
}
