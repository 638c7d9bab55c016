using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Billing.Gateway;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Billing;

/// <summary>
/// The one way the card on file changes. A card comes only from a gateway token redeemed on the server, once; the card
/// row, the token's redemption, the customer's history (through <see cref="CustomerChanges"/>) and the Essential email
/// are saved together or not at all, so every failure leaves the old card in place. Logs name the customer, never the card.
/// </summary>
public sealed class CardOnFile(
    IDbContextFactory<AppDbContext> dbFactory,
    IPaymentGateway gateway,
    CustomerChanges changes,
    Outbox outbox,
    TimeProvider time,
    ILogger<CardOnFile> logger)
{
    /// <summary>
    /// Redeems <paramref name="token"/> and puts its card on file for <paramref name="customerId"/>. Without an
    /// <paramref name="actor"/> (a gateway's webhook) the customer who typed the card in is the one who acted.
    /// </summary>
    public async Task<CardChangeResult> SaveFromGatewayAsync(string customerId, Actor? actor, string token,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            logger.LogWarning("Refused a malformed payment card token for customer {CustomerId}", customerId);
            return new CardChangeResult.Refused(CardRefusal.UnknownToken);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.CardTokenRedemptions.AsNoTracking().SingleOrDefaultAsync(r => r.Token == token, cancellationToken) is { } used)
        {
            if (used.CustomerId == customerId)
            {
                // The page and the gateway's webhook both report the same entry: the second finds it done.
                logger.LogInformation("A payment card token of customer {CustomerId} was already redeemed; nothing changed", customerId);
                return new CardChangeResult.AlreadySaved();
            }
            logger.LogWarning("Refused a payment card token redeemed before, offered for customer {CustomerId}", customerId);
            return new CardChangeResult.Refused(CardRefusal.UnknownToken);
        }
        TokenRedemption redemption;
        try
        {
            redemption = await gateway.RedeemAsync(customerId, token, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("The payment gateway could not redeem a token for customer {CustomerId} ({Error})", customerId, ex.GetType().Name);
            return new CardChangeResult.Refused(CardRefusal.GatewayUnavailable);
        }
        if (redemption is not TokenRedemption.Redeemed { Card: var card })
        {
            logger.LogWarning("Refused a payment card token for customer {CustomerId}: {Outcome}", customerId, redemption.GetType().Name);
            return new CardChangeResult.Refused(redemption is TokenRedemption.NotCompleted ? CardRefusal.NotCompleted : CardRefusal.UnknownToken);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var recipient = await RecipientAsync(db, customerId, cancellationToken);
        actor ??= new Actor(customerId, recipient.Name, ChangeSource.Customer);
        var existing = await db.PaymentCards.SingleOrDefaultAsync(c => c.CustomerId == customerId, cancellationToken);
        var before = existing?.Describe();
        var oldReference = existing?.GatewayReference;
        var saved = existing ?? new PaymentCard
        {
            CustomerId = customerId, Gateway = "", GatewayReference = "", Brand = "", Last4 = "", HolderName = "",
        };
        saved.Gateway = gateway.Kind.ToString();
        saved.GatewayReference = card.Reference;
        saved.Brand = card.Brand;
        saved.Last4 = card.Last4;
        saved.ExpiryMonth = card.ExpiryMonth;
        saved.ExpiryYear = card.ExpiryYear;
        saved.HolderName = string.IsNullOrWhiteSpace(card.HolderName) ? recipient.Name : card.HolderName.Trim();
        saved.AddedAt = now;
        saved.ExpiryReminderSentAt = null;
        if (existing is null)
        {
            db.PaymentCards.Add(saved);
        }
        db.CardTokenRedemptions.Add(new CardTokenRedemption { Token = token, CustomerId = customerId, RedeemedAt = now });
        outbox.Add(db, before is null ? CardMail.Added(recipient, saved) : CardMail.Replaced(recipient, before, saved));

        var result = await SaveAsync(db, customerId, actor, before, saved.Describe(), cancellationToken);
        if (result is not null)
        {
            return result;
        }
        logger.LogInformation("Payment card of customer {CustomerId} {Change} by {ActorId} ({Source})",
            customerId, before is null ? "added" : "replaced", actor.UserId, actor.Source);
        if (oldReference is not null && oldReference != saved.GatewayReference)
        {
            await gateway.ForgetAsync(oldReference, cancellationToken);
        }
        return new CardChangeResult.Saved(before is not null);
    }

    /// <summary>Takes the card off file. The gateway is told to forget it once the panel has.</summary>
    public async Task<CardChangeResult> RemoveAsync(string customerId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.PaymentCards.SingleOrDefaultAsync(c => c.CustomerId == customerId, cancellationToken) is not { } card)
        {
            return new CardChangeResult.Refused(CardRefusal.NoCard);
        }
        db.PaymentCards.Remove(card);
        outbox.Add(db, CardMail.Removed(await RecipientAsync(db, customerId, cancellationToken), card));
        if (await SaveAsync(db, customerId, actor, card.Describe(), null, cancellationToken) is { } refused)
        {
            return refused;
        }
        logger.LogInformation("Payment card of customer {CustomerId} removed by {ActorId} ({Source})", customerId, actor.UserId, actor.Source);
        await gateway.ForgetAsync(card.GatewayReference, cancellationToken);
        return new CardChangeResult.Removed();
    }

    /// <summary>
    /// Takes a closed account's card off file for good, with the gateway's customer reference, in the caller's transaction:
    /// the history keeps what the card was (brand, last four, expiry), recorded as the panel's. No email: nobody reads the
    /// address any more. Once the caller has committed, <see cref="ForgetAsync"/> tells the gateway.
    /// </summary>
    public async Task<CardRemoval> RemoveForRetentionAsync(AppDbContext db, string customerId, CancellationToken cancellationToken = default)
    {
        var card = await db.PaymentCards.SingleOrDefaultAsync(c => c.CustomerId == customerId, cancellationToken);
        if (card is not null)
        {
            db.PaymentCards.Remove(card);
            if (await changes.RecordAsync(db, customerId, Actor.System, ProfileField.PaymentCard, card.Describe(), null, cancellationToken)
                is CustomerChangeResult.Conflict)
            {
                throw new DbUpdateConcurrencyException($"Customer {customerId} changed while their card was being removed.");
            }
        }
        var gatewayCustomers = await db.GatewayCustomers.Where(g => g.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        return new CardRemoval(card is null ? 0 : 1, gatewayCustomers, card?.GatewayReference);
    }

    /// <summary>Tells the gateway to forget a card the panel removed; a failure is logged, as the panel has already forgotten it.</summary>
    public async Task ForgetAsync(CardRemoval removal, CancellationToken cancellationToken = default)
    {
        if (removal.GatewayReference is not { } reference)
        {
            return;
        }
        try
        {
            await gateway.ForgetAsync(reference, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("The payment gateway could not forget a removed card ({Error})", ex.GetType().Name);
        }
    }

    /// <summary>Saves the caller's change with its history row; null when saved, otherwise why nothing was.</summary>
    private async Task<CardChangeResult?> SaveAsync(AppDbContext db, string customerId, Actor actor, string? before, string? after,
        CancellationToken cancellationToken)
    {
        try
        {
            if (await changes.RecordAsync(db, customerId, actor, ProfileField.PaymentCard, before, after, cancellationToken)
                is CustomerChangeResult.Conflict)
            {
                return new CardChangeResult.Refused(CardRefusal.ChangedMeanwhile);
            }
        }
        catch (DbUpdateException)
        {
            // Another change of this customer's card (or a second use of the token) was saved first.
            logger.LogWarning("A payment card change of customer {CustomerId} lost to one saved at the same time", customerId);
            return new CardChangeResult.Refused(CardRefusal.ChangedMeanwhile);
        }
        outbox.NotifySaved();
        return null;
    }

    private static async Task<CardMail.Recipient> RecipientAsync(AppDbContext db, string customerId, CancellationToken cancellationToken) =>
        await (from customer in db.Customers
               join user in db.Users on customer.Id equals user.Id
               where customer.Id == customerId
               select new CardMail.Recipient(customer.Id, user.Email!, customer.FullName)).SingleAsync(cancellationToken);
}

/// <summary>What retention removed of a closed account's card: how many rows, and the gateway's reference to forget.</summary>
public sealed record CardRemoval(int Cards, int GatewayCustomers, string? GatewayReference);

public abstract record CardChangeResult
{
    /// <summary>The card is on file; <paramref name="Replaced"/> when it took another card's place.</summary>
    public sealed record Saved(bool Replaced) : CardChangeResult;
    public sealed record AlreadySaved : CardChangeResult;
    public sealed record Removed : CardChangeResult;
    public sealed record Refused(CardRefusal Reason) : CardChangeResult;
}

public enum CardRefusal
{
    /// <summary>The token is not one the gateway issued for this customer, or it was used before.</summary>
    UnknownToken,
    /// <summary>The gateway has not finished with the card (declined, waiting for the bank).</summary>
    NotCompleted,
    /// <summary>Another change was saved first; the card on file is as that change left it.</summary>
    ChangedMeanwhile,
    NoCard,
    /// <summary>The gateway did not answer; nothing changed.</summary>
    GatewayUnavailable,
    /// <summary>Com 1 support is acting in the account: the card stays with the customer.</summary>
    SupportSession,
}
