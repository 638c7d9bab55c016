using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Policies;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Jobs;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Time.Testing;

namespace Com1ControlPanel.Tests.Infrastructure.Jobs;

/// <summary>
/// New work (a saved email, a written disclosure, a published policy version) queues a run of its job, but not one run
/// per piece of work: a run that has not started yet will find everything saved before it starts.
/// </summary>
public sealed class QueuedRunTests
{
    private readonly CountingJobs jobs = new();
    private readonly FakeTimeProvider clock = new(TestClock.Start());

    [Fact]
    public void Many_saves_before_the_run_starts_queue_one_run()
    {
        var signal = new OutboxSignal(jobs, clock);

        for (var i = 0; i < 100; i++)
        {
            signal.Notify();
        }

        var run = Assert.Single(jobs.Created);
        Assert.Equal(typeof(OutboxDispatcher), run.Type);
        Assert.Equal(nameof(OutboxDispatcher.DeliverNowAsync), run.Method.Name);
    }

    [Fact]
    public void A_save_after_the_run_started_queues_another()
    {
        var signal = new OutboxSignal(jobs, clock);
        signal.Notify();

        signal.Started();
        signal.Notify();
        signal.Notify();

        Assert.Equal(2, jobs.Created.Count);
    }

    [Fact]
    public void A_run_another_instance_took_stops_holding_back_new_runs_after_a_while()
    {
        var signal = new OutboxSignal(jobs, clock);
        signal.Notify();

        clock.Advance(QueuedRun.StaleAfter - TimeSpan.FromMilliseconds(1));
        signal.Notify();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        signal.Notify();

        Assert.Equal(2, jobs.Created.Count);
    }

    [Fact]
    public void Each_signal_queues_a_run_of_its_own_job()
    {
        new DisclosureNoticeSignal(jobs, clock).Notify();
        new PolicyNoticeSignal(jobs, clock).Notify();

        Assert.Collection(jobs.Created,
            run => Assert.Equal((typeof(DisclosureNotices), nameof(DisclosureNotices.RunAsync)), (run.Type, run.Method.Name)),
            run => Assert.Equal((typeof(PolicyNotices), nameof(PolicyNotices.RunAsync)), (run.Type, run.Method.Name)));
    }

    [Fact]
    public void Without_a_job_engine_nothing_is_queued()
    {
        var signal = new OutboxSignal();

        signal.Notify();
        signal.Started();
    }

    private sealed class CountingJobs : IBackgroundJobClient
    {
        public List<Job> Created { get; } = [];

        public string Create(Job job, IState state)
        {
            Created.Add(job);
            return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
