using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Billing.Gateway;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Billing;

/// <summary>
/// /billing for the signed-in customer: every query is scoped to the customer the server signed in, never to one a page
/// names. Support in a session reads the masked card and the billing address but changes no card, whatever the page sends.
/// </summary>
public sealed class BillingService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    CustomerChanges customerChanges,
    CardOnFile cards,
    IPaymentGateway gateway,
    ISupportAttempts supportAttempts,
    TimeProvider time,
    ILogger<BillingService> logger)
{
    public async Task<BillingView> GetAsync(CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().Include(c => c.Services)
            .SingleAsync(c => c.Id == customerId, cancellationToken);
        var card = await db.PaymentCards.AsNoTracking().SingleOrDefaultAsync(c => c.CustomerId == customerId, cancellationToken);
        string[] postal = [.. new[]
        {
            customer.Street,
            // "San Francisco, CA 94102" where there is a region, "10115 Berlin" where there is none.
            string.IsNullOrWhiteSpace(customer.Region)
                ? $"{customer.PostalCode} {customer.City}".Trim()
                : $"{customer.City}, {customer.Region} {customer.PostalCode}".Trim(),
            Countries.NameOf(customer.CountryCode),
        }.Where(line => !string.IsNullOrWhiteSpace(line)).Select(line => line!)];
        return new BillingView(
            card is null ? null : CardView.From(card, time.GetUtcNow().UtcDateTime),
            BillingAddressForm.From(customer),
            postal,
            [.. customer.Services.OrderBy(s => s.StartedOn).Select(s => s.Service.DisplayName())],
            !await currentUser.IsSupportSessionAsync(),
            gateway.Kind);
    }

    /// <summary>Opens the gateway's card entry for the signed-in customer; null in a support session.</summary>
    public async Task<CardEntryStart?> BeginCardEntryAsync(CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        if (await RefusedInSupportSessionAsync(customerId, "open a card entry"))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var holder = await (from customer in db.Customers
                            join user in db.Users on customer.Id equals user.Id
                            where customer.Id == customerId
                            select new CardHolder(customer.Id, customer.FullName, user.Email!)).SingleAsync(cancellationToken);
        return await gateway.BeginCardEntryAsync(holder, cancellationToken);
    }

    /// <summary>Redeems the token the gateway's frame handed the page, for the signed-in customer only.</summary>
    public async Task<CardChangeResult> SaveCardAsync(string token, CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        if (await RefusedInSupportSessionAsync(customerId, "save a card"))
        {
            return new CardChangeResult.Refused(CardRefusal.SupportSession);
        }
        return await cards.SaveFromGatewayAsync(customerId, await currentUser.GetActorAsync(), token, cancellationToken);
    }

    public async Task<CardChangeResult> RemoveCardAsync(CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        if (await RefusedInSupportSessionAsync(customerId, "remove the card"))
        {
            return new CardChangeResult.Refused(CardRefusal.SupportSession);
        }
        return await cards.RemoveAsync(customerId, await currentUser.GetActorAsync(), cancellationToken);
    }

    /// <summary>The billing address changes like the rest of the account data: through <see cref="CustomerChanges"/>.</summary>
    public async Task<BillingAddressSaveResult> SaveAddressAsync(BillingAddressForm form, CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        var actor = await currentUser.GetActorAsync();
        var errors = FormValidation.Validate(form);
        if (errors.Count > 0)
        {
            return new BillingAddressSaveResult.Invalid(errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await customerChanges.ApplyAsync(db, customerId, actor, form.ToFieldValues(), form.Version, cancellationToken) switch
        {
            CustomerChangeResult.Changed changed =>
                new BillingAddressSaveResult.Saved(BillingAddressForm.From(changed.Customer), changed.Changes.Count),
            CustomerChangeResult.Unchanged => new BillingAddressSaveResult.NothingChanged(),
            _ => new BillingAddressSaveResult.Conflict(),
        };
    }

    /// <summary>The card stays with the customer: an agent's attempt is refused and kept with support's other refused attempts.</summary>
    private async Task<bool> RefusedInSupportSessionAsync(string customerId, string what)
    {
        if (await currentUser.GetActorAsync() is not { SupportSessionId: not null } actor)
        {
            return false;
        }
        await supportAttempts.RecordCustomerOnlyAsync(actor.UserId, customerId, what);
        logger.LogWarning("Refused support agent {AgentId} who tried to {What} in the account of customer {CustomerId}",
            actor.UserId, what, customerId);
        return true;
    }
}
