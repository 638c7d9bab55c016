using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Preferences;

public enum UnsubscribeStatus
{
    /// <summary>The link is good and unused: the confirmation page may offer the button.</summary>
    Ready,
    /// <summary>The switch of the link is off now (or already was).</summary>
    Unsubscribed,
    /// <summary>The link had been used before; nothing changed this time.</summary>
    AlreadyUsed,
    /// <summary>Forged, altered, or for a customer who no longer exists; nothing changed.</summary>
    Invalid,
}

/// <summary>What became of an unsubscribe link, and the switch it stands for (null when the link is invalid).</summary>
public sealed record UnsubscribeResult(UnsubscribeStatus Status, ConsentKey? Key = null)
{
    public static UnsubscribeResult Invalid { get; } = new(UnsubscribeStatus.Invalid);

    /// <summary>What the customer stops receiving, e.g. "New and upgraded Com 1 products and services by email".</summary>
    public string? What => Key?.Label;
}

/// <summary>
/// The unsubscribe link of a marketing email: no sign-in, the signed token is the proof. A link works once and
/// only ever turns its own switch off, for the customer it was sent to.
/// </summary>
public sealed class UnsubscribeService(
    IDbContextFactory<AppDbContext> dbFactory,
    UnsubscribeLinks links,
    ConsentLedger ledger,
    TimeProvider time,
    ILogger<UnsubscribeService> logger)
{
    /// <summary>What the link would do, changing nothing: mail scanners open links before people do.</summary>
    public async Task<UnsubscribeResult> PreviewAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (links.Read(token) is not { } request)
        {
            return UnsubscribeResult.Invalid;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Customers.AnyAsync(c => c.Id == request.CustomerId, cancellationToken))
        {
            return UnsubscribeResult.Invalid;
        }
        var used = await db.UnsubscribeRedemptions.AnyAsync(r => r.MessageId == request.MessageId, cancellationToken);
        return new(used ? UnsubscribeStatus.AlreadyUsed : UnsubscribeStatus.Ready, request.Key);
    }

    /// <summary>Turns the link's switch off and uses the link up, in one save; a second use changes nothing.</summary>
    public async Task<UnsubscribeResult> RedeemAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (links.Read(token) is not { } request)
        {
            logger.LogWarning("Unsubscribe link refused: forged, altered or not a link");
            return UnsubscribeResult.Invalid;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var fullName = await db.Customers.Where(c => c.Id == request.CustomerId).Select(c => c.FullName).SingleOrDefaultAsync(cancellationToken);
        if (fullName is null)
        {
            logger.LogWarning("Unsubscribe link of message {MessageId} refused: the customer no longer exists", request.MessageId);
            return UnsubscribeResult.Invalid;
        }
        if (await db.UnsubscribeRedemptions.AnyAsync(r => r.MessageId == request.MessageId, cancellationToken))
        {
            logger.LogInformation("Unsubscribe link of message {MessageId} used again: nothing changed", request.MessageId);
            return new(UnsubscribeStatus.AlreadyUsed, request.Key);
        }

        db.UnsubscribeRedemptions.Add(new UnsubscribeRedemption
        {
            MessageId = request.MessageId,
            CustomerId = request.CustomerId,
            RedeemedAt = time.GetUtcNow().UtcDateTime,
        });
        // A switch that is already off gets no record (the ledger only records moves), but the link is still used up.
        var actor = new Actor(request.CustomerId, fullName, ChangeSource.UnsubscribeLink);
        var records = await ledger.ApplyAsync(db, request.CustomerId, new Dictionary<ConsentKey, bool> { [request.Key] = false },
            actor, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await IsRedeemedAsync(request.MessageId, cancellationToken))
            {
                throw;
            }
            // Two presses at once (a mail provider and the customer): the other one won, and did the same thing.
            logger.LogInformation("Unsubscribe link of message {MessageId} used twice at once: nothing more changed", request.MessageId);
            return new(UnsubscribeStatus.AlreadyUsed, request.Key);
        }
        logger.LogInformation("Unsubscribe link of message {MessageId} used: {Moved} switch turned off",
            request.MessageId, records.Count);
        if (records.Count > 0)
        {
            ledger.Announce(request.CustomerId);
        }
        return new(UnsubscribeStatus.Unsubscribed, request.Key);
    }

    // A fresh context: the failed one still holds the rejected rows.
    private async Task<bool> IsRedeemedAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.UnsubscribeRedemptions.AnyAsync(r => r.MessageId == messageId, cancellationToken);
    }
}
