using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Compliance;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>
/// The recording side in a test database: customers with or without partner sharing, the recorder as any signed-in
/// person, the background writer and the notice job, all on one fake clock.
/// </summary>
internal sealed class ComplianceTestData : IDisposable
{
    public const string OfficerId = "officer-morgan";

    public static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    public ComplianceTestData()
    {
        Ledger = new DisclosureLedger(Clock);
        Writer = new DisclosureWriter(Database, Ledger, Queue, Progress, new DisclosureNoticeSignal(), Clock, NullLogger<DisclosureWriter>.Instance);
        Notices = new DisclosureNotices(Database, Ledger, new Outbox(Database, new OutboxSignal(), Clock), Clock, NullLogger<DisclosureNotices>.Instance);
        using var db = Database.CreateDbContext();
        db.Users.Add(new ApplicationUser { Id = OfficerId, UserName = "compliance@com1.test", Email = "compliance@com1.test", DisplayName = "Morgan Lee" });
        db.SaveChanges();
    }

    public TestDatabase Database { get; } = new();
    public FakeTimeProvider Clock { get; } = new(Now);
    public DisclosureLedger Ledger { get; }
    public DisclosureWriteQueue Queue { get; } = new();
    public DisclosureWriteProgress Progress { get; } = new();
    public DisclosureWriter Writer { get; }
    public DisclosureNotices Notices { get; }

    public static ClaimsPrincipal Officer => SignedIn.As(OfficerId, "Morgan Lee", Roles.ComplianceOfficer);

    public DisclosureRecorder RecorderFor(ClaimsPrincipal principal) =>
        new(Database, SignedIn.User(principal, Database, Clock), Ledger, Queue, Progress, new DisclosureNoticeSignal(), Clock,
            NullLogger<DisclosureRecorder>.Instance);

    public DisclosureRecorder Recorder => RecorderFor(Officer);

    /// <summary>A customer (email "{id}@example.com"), optionally opted out of partner sharing, suspended, or subscribed to a service.</summary>
    public string Customer(string id, bool optedOutOfPartnerSharing = false, AccountStatus status = AccountStatus.Active, Service? service = null)
    {
        using var db = Database.CreateDbContext();
        var customer = TestCustomers.Add(db, id, $"Customer {id}");
        customer.Status = status;
        db.ConsentStates.Add(new ConsentState
        {
            CustomerId = id, Purpose = MarketingPurpose.PartnerSharing, Channel = ContactChannel.None,
            Granted = !optedOutOfPartnerSharing, ChangedAt = Now.AddDays(-30), ChangedBy = ChangeSource.Customer,
        });
        if (service is { } subscribed)
        {
            db.ServiceSubscriptions.Add(new ServiceSubscription { CustomerId = id, Service = subscribed, StartedOn = new DateOnly(2024, 1, 1) });
        }
        db.SaveChanges();
        return id;
    }

    /// <summary>A valid draft: court-ordered account data, told now, handed over yesterday.</summary>
    public static DisclosureDraft Draft(
        DisclosureGround ground = DisclosureGround.LegalRequirement,
        DataCategories data = DataCategories.Name | DataCategories.CustomerLogs,
        RecipientCategory recipient = RecipientCategory.CourtOrLegalProcess,
        string recipientName = "Superior Court of California",
        NoticeRule notice = NoticeRule.NotifyNow,
        DateTime? delayedUntil = null) => new()
    {
        RecipientName = recipientName,
        RecipientCategory = recipient,
        Categories = data,
        Ground = ground,
        Description = "Account holder details and sign-in logs, produced under a court order.",
        Reference = "Order 2026-CV-1234",
        OccurredAt = Now.AddDays(-1),
        NoticeRule = notice,
        NoticeDelayedUntil = delayedUntil,
    };

    /// <summary>Writes every group disclosure the recorder queued, as the background service does.</summary>
    public async Task WriteQueuedAsync()
    {
        foreach (var write in Queue.Drain())
        {
            await Writer.WriteAsync(write, CancellationToken.None);
        }
    }

    public async Task<int> CountAsync<T>(Func<AppDbContext, IQueryable<T>> rows)
    {
        await using var db = Database.CreateDbContext();
        return await rows(db).CountAsync();
    }

    /// <summary>Everything recording can write, counted: disclosures, entries, pending entries, heads, outbox and notifications.</summary>
    public async Task<(int Disclosures, int Entries, int Pending, int Heads, int Emails, int Notifications)> WrittenAsync()
    {
        await using var db = Database.CreateDbContext();
        return (await db.Disclosures.CountAsync(), await db.DisclosureEntries.CountAsync(), await db.PendingDisclosureEntries.CountAsync(),
            await db.DisclosureChainHeads.CountAsync(), await db.OutboxMessages.CountAsync(), await db.Notifications.CountAsync());
    }

    /// <summary>Recomputes one customer's whole chain from its first entry against its head.</summary>
    public async Task<ChainVerification> VerifyChainAsync(string customerId)
    {
        await using var db = Database.CreateDbContext();
        var entries = await db.DisclosureEntries.AsNoTracking().Include(e => e.Disclosure)
            .Where(e => e.CustomerId == customerId).OrderBy(e => e.Sequence).ToListAsync();
        var head = await db.DisclosureChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.CustomerId == customerId);
        return DisclosureChain.Verify(customerId, entries, head);
    }

    public void Dispose() => Database.Dispose();
}
