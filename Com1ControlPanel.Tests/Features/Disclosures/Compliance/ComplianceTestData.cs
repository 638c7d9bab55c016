using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Compliance;
using Com1ControlPanel.Features.Preferences;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>
/// The recording side over the app's services: customers with or without partner sharing, drafts, and the background
/// writer run by hand, all on the kit's fake clock (which starts at <see cref="Now"/>).
/// </summary>
internal static class ComplianceTestData
{
    public static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    public static readonly DateTimeOffset Start = new(Now);

    private static readonly ConsentKey PartnerSharing = new(MarketingPurpose.PartnerSharing, ContactChannel.None);

    /// <summary>A customer (email "{id}@example.com"), optionally opted out of partner sharing, suspended, or subscribed to a service.</summary>
    public static async Task<string> CustomerAsync(this PanelServices kit, string id, bool optedOutOfPartnerSharing = false,
        AccountStatus status = AccountStatus.Active, Service? service = null) =>
        (await kit.Customers.NewAsync($"Customer {id}", id: id, refuses: optedOutOfPartnerSharing ? [PartnerSharing] : [], with: c =>
        {
            c.Status = status;
            if (service is { } subscribed)
            {
                c.Services.Add(new ServiceSubscription { CustomerId = id, Service = subscribed, StartedOn = new DateOnly(2024, 1, 1) });
            }
        })).Id;

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

    /// <summary>
    /// What recording a business transfer to every active customer stores before the write begins, as the recorder stores
    /// it: the disclosure, in progress, and its stored audience. Queuing the job is the caller's.
    /// </summary>
    public static async Task<Guid> TransferToEveryoneAsync(AppDbContext db)
    {
        var now = DateTime.UtcNow;
        var disclosure = new Disclosure
        {
            RecipientName = "Nimbus Hosting Group plc",
            RecipientCategory = RecipientCategory.Acquirer,
            Ground = DisclosureGround.BusinessTransfer,
            Categories = DataCategories.Name | DataCategories.EmailAddress,
            Description = "Customer accounts transferred to the acquirer of Com 1's hosting business.",
            Reference = "Asset purchase agreement 2026-17",
            OccurredAt = now.AddDays(-1),
            RecordedAt = now,
            RecordedByUserId = "compliance-test",
            RecordedByName = "Compliance test",
            NoticeRule = NoticeRule.NotifyNow,
            Status = DisclosureStatus.Writing,
        };
        db.Disclosures.Add(disclosure);
        db.DisclosureWriteJobs.Add(new DisclosureWriteJob
        {
            DisclosureId = disclosure.Id, Audience = StoredAudience.Serialize(DisclosureAudience.Everyone), QueuedAt = now,
        });
        await db.SaveChangesAsync();
        return disclosure.Id;
    }

    /// <summary>Writes every group disclosure the recorder queued, as the job engine does.</summary>
    public static async Task WriteQueuedAsync(this PanelServices kit)
    {
        foreach (var disclosureId in kit.Get<RecordedDisclosureWrites>().Drain())
        {
            await kit.Get<DisclosureWriter>().WriteAsync(disclosureId, CancellationToken.None);
        }
    }

    public static async Task<int> CountAsync<T>(this PanelServices kit, Func<AppDbContext, IQueryable<T>> rows)
    {
        await using var db = kit.CreateDbContext();
        return await rows(db).CountAsync();
    }

    /// <summary>Everything recording can write, counted: disclosures, entries, pending entries, heads, outbox and notifications.</summary>
    public static async Task<(int Disclosures, int Entries, int Pending, int Heads, int Emails, int Notifications)> WrittenAsync(
        this PanelServices kit)
    {
        await using var db = kit.CreateDbContext();
        return (await db.Disclosures.CountAsync(), await db.DisclosureEntries.CountAsync(), await db.PendingDisclosureEntries.CountAsync(),
            await db.DisclosureChainHeads.CountAsync(), await db.OutboxMessages.CountAsync(), await db.Notifications.CountAsync());
    }

    /// <summary>Recomputes one customer's whole chain from its first entry against its head.</summary>
    public static async Task<ChainVerification> VerifyChainAsync(this PanelServices kit, string customerId)
    {
        await using var db = kit.CreateDbContext();
        var entries = await db.DisclosureEntries.AsNoTracking().Include(e => e.Disclosure)
            .Where(e => e.CustomerId == customerId).OrderBy(e => e.Sequence).ToListAsync();
        var head = await db.DisclosureChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.CustomerId == customerId);
        return DisclosureChain.Verify(customerId, entries, head);
    }
}

/// <summary>
/// A test of recording disclosures, as the compliance officer Morgan Lee (a real account, told of group disclosures), on
/// the kit's database unless a test names one.
/// </summary>
public abstract class ComplianceTest(Com1ControlPanel.Data.DatabaseProvider? provider = null)
    : ServiceTest(now: ComplianceTestData.Start, provider: provider)
{
    protected StaffMember Officer { get; private set; } = null!;

    protected DisclosureRecorder Recorder => RecorderFor(Officer.Principal);

    protected RecordedDisclosureWrites Queue => Kit.Get<RecordedDisclosureWrites>();

    protected DisclosureNotices Notices => Kit.Get<DisclosureNotices>();

    protected DisclosureRecorder RecorderFor(System.Security.Claims.ClaimsPrincipal principal) => Kit.As(principal).Get<DisclosureRecorder>();

    protected override async Task ArrangeAsync() =>
        Officer = await Kit.Staff.NewAsync(Com1ControlPanel.Infrastructure.Security.Roles.ComplianceOfficer, "Morgan Lee");
}
