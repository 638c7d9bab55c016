using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Policies;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Preferences;

/// <summary>
/// The one place that changes consent: it moves the switches and appends a record for each one that really moves,
/// in the caller's unit of work, so the change and its proof are saved together or not at all. Each record keeps the
/// privacy policy version in force at that moment, as the policy store has it.
/// </summary>
public sealed class ConsentLedger(PolicyStore policies, TimeProvider time, ConsentChanges changes)
{
    /// <param name="confirm">
    /// Record the choice even where the switch already stands there: an answer the customer gives (the cookie banner) is
    /// their consent from now on, whatever the starting position said.
    /// </param>
    public async Task<IReadOnlyList<ConsentRecord>> ApplyAsync(
        AppDbContext db, string customerId, IReadOnlyDictionary<ConsentKey, bool> wanted, Actor actor,
        CancellationToken cancellationToken = default, bool confirm = false)
    {
        // Consent must come from the customer: Com 1 billing, changing data for a customer on the phone, never gives it.
        if (actor.Source is ChangeSource.BillingOnBehalf or ChangeSource.Billing)
        {
            throw new UnauthorizedAccessException("Only the customer changes their marketing preferences.");
        }
        return await RecordAsync(db, customerId, wanted, actor, confirm, cancellationToken);
    }

    /// <summary>
    /// Turns every switch off for an account being closed, with one record per switch that moves, naming who really closed
    /// it: the customer, or Com 1 billing at their request. Withdrawing gives no consent, so billing may do it here, and only
    /// here. In the caller's unit of work.
    /// </summary>
    public Task<IReadOnlyList<ConsentRecord>> WithdrawAllAsync(AppDbContext db, string customerId, Actor actor,
        CancellationToken cancellationToken = default) =>
        RecordAsync(db, customerId, ConsentKey.All.ToDictionary(k => k, _ => false), actor, confirm: false, cancellationToken);

    /// <summary>
    /// In a closed account's consent records, the customer's own name becomes their customer number; staff keep theirs.
    /// Call in the retention job's transaction (the records' triggers allow nothing else). Returns how many records changed.
    /// </summary>
    public static Task<int> AnonymiseAsync(AppDbContext db, string customerId, string customerNumber,
        CancellationToken cancellationToken = default) =>
        db.ConsentRecords.Where(r => r.CustomerId == customerId && r.ActorUserId == customerId && r.ActorName != customerNumber)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ActorName, customerNumber), cancellationToken);

    /// <summary>
    /// Removes a closed account's consent records and switches once the years the law keeps them for have passed. Call in
    /// the retention job's transaction (the records' triggers allow nothing else). Returns how many records and switches.
    /// </summary>
    public static async Task<(int Records, int States)> RemoveAsync(AppDbContext db, string customerId,
        CancellationToken cancellationToken = default) =>
        (await db.ConsentRecords.Where(r => r.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken),
         await db.ConsentStates.Where(s => s.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken));

    private async Task<IReadOnlyList<ConsentRecord>> RecordAsync(
        AppDbContext db, string customerId, IReadOnlyDictionary<ConsentKey, bool> wanted, Actor actor, bool confirm,
        CancellationToken cancellationToken)
    {
        if (wanted.Keys.Any(k => !k.IsValid))
        {
            throw new ArgumentException("Only existing preferences can be changed.", nameof(wanted));
        }

        var states = await db.ConsentStates
            .Where(s => s.CustomerId == customerId)
            .ToDictionaryAsync(s => new ConsentKey(s.Purpose, s.Channel), cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var policyVersion = await policies.VersionNameAtAsync(now, cancellationToken);
        var records = new List<ConsentRecord>();
        foreach (var (key, granted) in wanted)
        {
            states.TryGetValue(key, out var state);
            if (state?.Granted == granted && !confirm)
            {
                continue;
            }
            records.Add(new ConsentRecord
            {
                CustomerId = customerId,
                Purpose = key.Purpose,
                Channel = key.Channel,
                OldGranted = state?.Granted,
                NewGranted = granted,
                RecordedAt = now,
                Source = actor.Source,
                ActorUserId = actor.UserId,
                ActorName = actor.DisplayName,
                PolicyVersion = policyVersion,
                SupportSessionId = actor.SupportSessionId,
            });
            if (state is null)
            {
                db.ConsentStates.Add(new ConsentState
                {
                    CustomerId = customerId, Purpose = key.Purpose, Channel = key.Channel,
                    Granted = granted, ChangedAt = now, ChangedBy = actor.Source,
                });
            }
            else
            {
                state.Granted = granted;
                state.ChangedAt = now;
                state.ChangedBy = actor.Source;
            }
        }
        db.ConsentRecords.AddRange(records);
        return records;
    }

    /// <summary>Tells open pages of this customer (other tabs, other devices) that their preferences moved.</summary>
    public void Announce(string customerId) => changes.Notify(customerId);
}
