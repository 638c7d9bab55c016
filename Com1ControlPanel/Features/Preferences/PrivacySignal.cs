using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Preferences;

/// <summary>
/// Honours the browser's Global Privacy Control signal for a signed-in customer: partner offers and sharing with
/// partners are turned off, recorded with the source "browser privacy signal". A choice the customer makes
/// themselves after the signal was honoured counts over it, so the signal never fights the customer.
/// </summary>
public sealed class PrivacySignal(IDbContextFactory<AppDbContext> dbFactory, ConsentLedger ledger, ILogger<PrivacySignal> logger)
{
    private static readonly ChangeSource[] ExplicitChoices = [ChangeSource.Customer, ChangeSource.SupportOnBehalf, ChangeSource.BillingOnBehalf];

    /// <summary>Returns how many switches the signal turned off (usually none: it was honoured before).</summary>
    public async Task<int> HonourAsync(string customerId, string customerName, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var partnerPurposes = new[] { MarketingPurpose.PartnerOffers, MarketingPurpose.PartnerSharing };
        var allowed = await db.ConsentStates
            .Where(s => s.CustomerId == customerId && s.Granted && partnerPurposes.Contains(s.Purpose))
            .ToListAsync(cancellationToken);
        if (allowed.Count == 0)
        {
            return 0;
        }

        var lastHonoured = await db.ConsentRecords
            .Where(r => r.CustomerId == customerId && r.Source == ChangeSource.BrowserPrivacySignal)
            .GroupBy(r => new { r.Purpose, r.Channel })
            .Select(g => new { g.Key.Purpose, g.Key.Channel, At = g.Max(r => r.RecordedAt) })
            .ToDictionaryAsync(g => new ConsentKey(g.Purpose, g.Channel), g => g.At, cancellationToken);

        var turnOff = allowed
            .Where(s => !(ExplicitChoices.Contains(s.ChangedBy)
                && lastHonoured.TryGetValue(new ConsentKey(s.Purpose, s.Channel), out var honouredAt)
                && s.ChangedAt > honouredAt))
            .ToDictionary(s => new ConsentKey(s.Purpose, s.Channel), _ => false);
        if (turnOff.Count == 0)
        {
            return 0;
        }

        await ledger.ApplyAsync(db, customerId, turnOff,
            new Actor(customerId, customerName, ChangeSource.BrowserPrivacySignal), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        ledger.Announce(customerId);
        logger.LogInformation("Honoured the Global Privacy Control signal of customer {CustomerId}: {Count} switches off",
            customerId, turnOff.Count);
        return turnOff.Count;
    }
}
