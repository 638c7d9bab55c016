using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Policies;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Preferences;

/// <summary>The signed-in customer's marketing and data-sharing choices, and their history.</summary>
public sealed class ConsentService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    ConsentLedger ledger,
    ConsentChanges changes,
    PolicyStore policies,
    TimeProvider time,
    ILogger<ConsentService> logger)
{
    public const int HistoryShown = 50;

    public async Task<PreferencesView> GetAsync(CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var states = await db.ConsentStates.AsNoTracking()
            .Where(s => s.CustomerId == customerId)
            .ToDictionaryAsync(s => new ConsentKey(s.Purpose, s.Channel), s => s.Granted, cancellationToken);
        var history = await db.ConsentRecords.AsNoTracking()
            .Where(r => r.CustomerId == customerId)
            .OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id)
            .Take(HistoryShown)
            .ToListAsync(cancellationToken);
        var signalHonoured = await db.ConsentRecords
            .AnyAsync(r => r.CustomerId == customerId && r.Source == ChangeSource.BrowserPrivacySignal, cancellationToken);
        // A switch without a state row has never been allowed.
        var positions = ConsentKey.All.ToDictionary(k => k, k => states.GetValueOrDefault(k));
        return new PreferencesView(positions, [.. history.Select(r => ConsentRecordView.From(r, customerId))], signalHonoured);
    }

    /// <summary>Whether the signed-in customer's switch for <paramref name="key"/> is on.</summary>
    public async Task<bool> AllowsAsync(ConsentKey key, CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ConsentStates.AnyAsync(s => s.CustomerId == customerId
            && s.Purpose == key.Purpose && s.Channel == key.Channel && s.Granted, cancellationToken);
    }

    /// <summary>Moves one switch. A key that is not a real preference is refused and changes nothing.</summary>
    public Task<PreferencesView> SetAsync(ConsentKey key, bool granted, CancellationToken cancellationToken = default) =>
        key.IsValid
            ? ApplyAsync(new Dictionary<ConsentKey, bool> { [key] = granted }, cancellationToken)
            : throw new ArgumentException("This preference does not exist.", nameof(key));

    /// <summary>The No Solicitation Request: every marketing topic on every channel, and partner sharing, off.</summary>
    public Task<PreferencesView> StopAllSolicitationsAsync(CancellationToken cancellationToken = default) =>
        ApplyAsync(ConsentKey.Solicitations.ToDictionary(k => k, _ => false), cancellationToken);

    /// <summary>The customer's consent receipt, with every record ever made (not only the recent ones).</summary>
    public async Task<ConsentReceipt> CreateReceiptAsync(CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        var view = await GetAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await (from c in db.Customers
                              join u in db.Users on c.Id equals u.Id
                              where c.Id == customerId
                              select new ReceiptCustomer(c.CustomerNumber, c.FullName, u.Email!))
            .SingleAsync(cancellationToken);
        var records = await db.ConsentRecords.AsNoTracking()
            .Where(r => r.CustomerId == customerId)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return new ConsentReceipt(
            "Com 1 Communications",
            now,
            await policies.VersionNameAtAsync(now, cancellationToken),
            customer,
            [.. view.Positions.Select(p => new ReceiptChoice(p.Key.Purpose, p.Key.Channel, p.Key.Label, p.Value))],
            [.. records.Select(r => new ReceiptRecord(r.Id, r.RecordedAt, r.Purpose, r.Channel, r.OldGranted, r.NewGranted, r.Source,
                new Actor(r.ActorUserId, r.ActorName, r.Source).DescribeForCustomer(customerId), r.PolicyVersion))]);
    }

    /// <summary>Calls <paramref name="onChange"/> whenever this customer's preferences change anywhere.</summary>
    public async Task<IDisposable> WatchAsync(Func<Task> onChange) =>
        changes.Watch(await currentUser.GetCustomerIdAsync(), onChange);

    private async Task<PreferencesView> ApplyAsync(IReadOnlyDictionary<ConsentKey, bool> wanted, CancellationToken cancellationToken)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        var actor = await currentUser.GetActorAsync();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var records = await ledger.ApplyAsync(db, customerId, wanted, actor, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Customer {CustomerId} preferences: {Count} switches moved by {ActorId} ({Source})",
                customerId, records.Count, actor.UserId, actor.Source);
        }
        ledger.Announce(customerId);
        return await GetAsync(cancellationToken);
    }
}

public sealed record PreferencesView(
    IReadOnlyDictionary<ConsentKey, bool> Positions,
    IReadOnlyList<ConsentRecordView> History,
    bool PrivacySignalHonoured)
{
    public bool Allows(MarketingPurpose purpose, ContactChannel channel = ContactChannel.None) =>
        Positions.GetValueOrDefault(new ConsentKey(purpose, channel));

    /// <summary>True when the customer receives essential notices only.</summary>
    public bool NoSolicitations => ConsentKey.Solicitations.All(k => !Positions.GetValueOrDefault(k));
}

public sealed record ConsentRecordView(DateTime At, string What, bool? Before, bool After, string ChangedBy, string PolicyVersion)
{
    public static ConsentRecordView From(ConsentRecord record, string customerId) => new(
        record.RecordedAt,
        new ConsentKey(record.Purpose, record.Channel).Label,
        record.OldGranted,
        record.NewGranted,
        new Actor(record.ActorUserId, record.ActorName, record.Source).DescribeForCustomer(customerId),
        record.PolicyVersion);
}
