using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Hosting;
using Com1ControlPanel.Infrastructure.Jobs;
using Hangfire;
using Hangfire.Common;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Policies;

/// <summary>
/// Tells every customer whose account is not closed about a published version before it takes effect: an Essential
/// email with the summary and a link to what changed, and a panel notification. In batches, each saved together with
/// the <see cref="PolicyNotice"/> rows that say who has been told, so a run cut short resumes where it stopped and
/// nobody is told twice. Customers who join before the effective date are told too; those who join after it joined
/// under the new version.
/// </summary>
public sealed class PolicyNotices(
    IDbContextFactory<AppDbContext> dbFactory,
    PolicyStore store,
    Outbox outbox,
    PolicyNoticeSignal signal,
    PanelLinks links,
    TimeProvider time,
    ILogger<PolicyNotices> logger)
{
    public const int BatchSize = 1000;

    /// <summary>
    /// The job: every minute, when an instance starts, and whenever a version has been published
    /// (<see cref="PolicyNoticeSignal"/>). Runs take turns across instances, so two never pick the same customers; one that
    /// fails is not retried, as the next minute's run does its work.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
    [JobDisplayName("Tell customers of an upcoming privacy policy version")]
    public Task RunAsync(CancellationToken cancellationToken)
    {
        // Inside the turn: a version published from now on queues a run of its own.
        signal.Started();
        return RunOnceAsync(cancellationToken);
    }

    /// <summary>Tells whoever is still owed a notice about an upcoming version; returns how many customers were told.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var versions = await store.VersionsAsync(cancellationToken);
        var told = 0;
        foreach (var upcoming in versions.Where(v => !v.Shipped && v.EffectiveFrom > now))
        {
            var previous = versions.LastOrDefault(v => v.EffectiveFrom < upcoming.EffectiveFrom);
            int sent;
            do
            {
                sent = await NotifyBatchAsync(upcoming, previous, cancellationToken);
                told += sent;
            }
            while (sent == BatchSize);
        }
        return told;
    }

    private async Task<int> NotifyBatchAsync(PolicyVersionInfo version, PolicyVersionInfo? previous, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owed = await (from customer in db.Customers
                          join user in db.Users on customer.Id equals user.Id
                          where customer.Status != AccountStatus.Closed
                                && customer.CustomerSince < version.EffectiveFrom
                                && user.Email != null
                                && !db.PolicyNotices.Any(n => n.Version == version.Version && n.CustomerId == customer.Id)
                          orderby customer.Id
                          select new { customer.Id, user.Email, user.DisplayName })
            .Take(BatchSize).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var changes = PolicyLinks.Changes(previous?.Version, version.Version);
        var changesUrl = previous is null
            ? links.To(PolicyLinks.Version(version.Version).TrimStart('/'))
            : links.To("privacy/changes", ("from", previous.Version), ("to", version.Version));
        foreach (var customer in owed)
        {
            outbox.Add(db, PolicyMail.Upcoming(customer.Id, customer.Email!, customer.DisplayName, version, changesUrl));
            NotificationService.Add(db, customer.Id, $"The privacy policy changes on {PolicyDates.Day(version.EffectiveFrom)}",
                version.Summary, changes.TrimStart('/'), now);
            db.PolicyNotices.Add(new PolicyNotice { Version = version.Version, CustomerId = customer.Id, NotifiedAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
        if (owed.Count > 0)
        {
            outbox.NotifySaved();
            logger.LogInformation("Told {Count} customers about privacy policy version {Version}", owed.Count, version.Version);
        }
        return owed.Count;
    }
}

/// <summary>
/// Queues a run of <see cref="PolicyNotices"/> as soon as a version has been published, rather than at the next minute
/// (see <see cref="QueuedRun"/>).
/// </summary>
public sealed class PolicyNoticeSignal(IBackgroundJobClient? jobs = null, TimeProvider? time = null)
    : QueuedRun(jobs, time, Job.FromExpression<PolicyNotices>(n => n.RunAsync(CancellationToken.None)));
