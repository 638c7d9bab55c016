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
