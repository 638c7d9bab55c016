using Com1ControlPanel.Data;
using Com1ControlPanel.Features.BillingDesk;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Features.Policies;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Help;
using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Tests.Data;

/// <summary>
/// The app with its demo data on <paramref name="provider"/>, and one row in each permanent table the demo leaves empty:
/// a closed account, a card page link, a domain change, a help request with its step, a policy notice and its
/// acknowledgement, a staff search and a refused support attempt; and the retention run the app makes at start.
/// The rows are written once the jobs the app runs at start have finished: a job landing during a test (closing the help
/// request after its quiet days, writing the retention run) would change a count the test compares.
/// </summary>
public abstract class PermanentRecordsApp(DatabaseProvider provider) : PanelApp(AppOptions.Default with { Provider = provider })
{
    private Task? arranged;

    /// <summary>Once per app: the tests of a class run one after another.</summary>
    public Task ArrangedAsync() => arranged ??= ArrangeAsync();

    private async Task ArrangeAsync()
    {
        await Eventually.JobsIdleAsync(Services);
        var at = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var customer = await db.Customers.OrderBy(c => c.CustomerNumber).Select(c => c.Id).FirstAsync();
        var domain = await db.Domains.Where(d => d.CustomerId == customer).Select(d => d.Id).FirstAsync();
        var policy = await db.PolicyVersions.Select(p => p.Version).FirstAsync();

        db.AccountClosures.Add(new AccountClosure { CustomerId = customer, ClosedAt = at, ClosedByUserId = customer, Source = ChangeSource.Customer });
        db.CardPageLinks.Add(new CardPageLink
        {
            CustomerId = customer, TokenHash = "hash", SentAt = at, ExpiresAt = at.AddDays(1), SentByUserId = "billing-1", SentByName = "Bea Billing",
        });
        db.DomainChanges.Add(new DomainChange
        {
            DomainId = domain, CustomerId = customer, Kind = DomainChangeKind.ContactPublication, ChangedAt = at, ActorUserId = customer,
            ActorName = "The customer", Source = ChangeSource.Customer,
        });
        // Asked just now, as the app writes it: a request quiet for its days would be closed by the next daily run.
        db.HelpRequests.Add(HelpRequest.Create(customer, new HelpRequestForm { Subject = "Mail", Description = "Mail stopped." },
            new Actor(customer, "The customer", ChangeSource.Customer), DateTime.UtcNow));
        db.PolicyNotices.Add(new PolicyNotice { Version = policy, CustomerId = customer, NotifiedAt = at });
        db.PolicyAcknowledgements.Add(new PolicyAcknowledgement { CustomerId = customer, Version = policy, ShownAt = at });
        db.StaffSearchRecords.Add(new StaffSearchRecord { StaffUserId = "agent-1", SearchedAt = at, Kind = StaffSearchKind.Name, ResultCount = 1 });
        db.SupportAttempts.Add(new SupportAttempt { At = at, AgentUserId = "agent-1", CustomerId = customer, Refusal = SupportRefusal.SessionEnded });
        await db.SaveChangesAsync();
        Assert.True(await db.RetentionRuns.AnyAsync(), "The retention run the app queues at start left no row.");
    }
}
