using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Hosting;
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
    PanelLinks links,
    TimeProvider time,
    ILogger<PolicyNotices> logger)
{
    public const int BatchSize = 1000;

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

/// <summary>Runs <see cref="PolicyNotices"/> every minute, and at once when a version has been published.</summary>
public sealed class PolicyNoticeJob(PolicyNotices notices, PolicyNoticeSignal signal, ILogger<PolicyNoticeJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await notices.RunOnceAsync(stoppingToken);
                await signal.WaitAsync(TimeSpan.FromMinutes(1), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Privacy policy notices failed; retrying in a minute");
                await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            }
        }
    }
}

/// <summary>Wakes the notice job as soon as a version has been published.</summary>
public sealed class PolicyNoticeSignal
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Notify()
    {
        try { semaphore.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => semaphore.WaitAsync(timeout, cancellationToken);
}
