using Com1ControlPanel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;

namespace Com1ControlPanel.Features.Billing.Gateway.Stripe;

/// <summary>
/// Stripe: the card is typed into Stripe's Payment Element (Stripe's own iframe), confirmed against a SetupIntent made
/// here, and saved by Stripe to the customer's Stripe customer. The SetupIntent's id is the token the page hands back;
/// redeeming it reads the saved card's brand, last four digits and expiry from Stripe's API.
/// </summary>
public sealed class StripeGateway(
    IStripeClient stripe, IOptions<BillingOptions> options, IDbContextFactory<AppDbContext> dbFactory, ILogger<StripeGateway> logger)
    : IPaymentGateway
{
    /// <summary>The SetupIntent's metadata key naming the panel customer it was made for.</summary>
    public const string CustomerKey = "com1_customer";

    public PaymentGatewayKind Kind => PaymentGatewayKind.Stripe;

    public async Task<CardEntryStart> BeginCardEntryAsync(CardHolder customer, CancellationToken cancellationToken)
    {
        var stripeCustomer = await StripeCustomerAsync(customer, cancellationToken);
        var intent = await new SetupIntentService(stripe).CreateAsync(new SetupIntentCreateOptions
        {
            Customer = stripeCustomer,
            Usage = "off_session",
            // The Payment Element offers what the Stripe account allows; none of it may leave the page (no redirects).
            AutomaticPaymentMethods = new SetupIntentAutomaticPaymentMethodsOptions { Enabled = true, AllowRedirects = "never" },
            Metadata = new Dictionary<string, string> { [CustomerKey] = customer.CustomerId },
        }, cancellationToken: cancellationToken);
        return new CardEntryStart.StripeElement(options.Value.Stripe.PublishableKey ?? "", intent.ClientSecret);
    }

    public async Task<TokenRedemption> RedeemAsync(string customerId, string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith("seti_", StringComparison.Ordinal))
        {
            return new TokenRedemption.Unknown();
        }
        SetupIntent intent;
        try
        {
            intent = await new SetupIntentService(stripe).GetAsync(token, new SetupIntentGetOptions { Expand = ["payment_method"] },
                cancellationToken: cancellationToken);
        }
        catch (StripeException ex) when (ex.HttpStatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return new TokenRedemption.Unknown();
        }
        if (intent.Metadata?.GetValueOrDefault(CustomerKey) != customerId)
        {
            return new TokenRedemption.Unknown();
        }
        if (intent.Status != "succeeded" || intent.PaymentMethod?.Card is not { } card)
        {
            return new TokenRedemption.NotCompleted();
        }
        return new TokenRedemption.Redeemed(new GatewayCard(intent.PaymentMethod.Id, BrandName(card.Brand), card.Last4,
            (int)card.ExpMonth, (int)card.ExpYear, intent.PaymentMethod.BillingDetails?.Name ?? ""));
    }

    public async Task ForgetAsync(string gatewayReference, CancellationToken cancellationToken)
    {
        try
        {
            await new PaymentMethodService(stripe).DetachAsync(gatewayReference, cancellationToken: cancellationToken);
        }
        catch (StripeException ex)
        {
            // The card is gone from the panel either way; Stripe keeps it until someone detaches it there.
            logger.LogWarning("Stripe did not detach a removed card ({StripeError})", ex.StripeError?.Code ?? ex.GetType().Name);
        }
    }

    /// <summary>Stripe's brand codes as the customer reads them.</summary>
    public static string BrandName(string? brand) => brand switch
    {
        "visa" => "Visa",
        "mastercard" => "Mastercard",
        "amex" => "American Express",
        "discover" => "Discover",
        "diners" => "Diners Club",
        "jcb" => "JCB",
        "unionpay" => "UnionPay",
        "cartes_bancaires" => "Cartes Bancaires",
        _ => "Card",
    };

    /// <summary>The customer's Stripe customer, made on their first card, so every card of theirs is saved to it.</summary>
    private async Task<string> StripeCustomerAsync(CardHolder customer, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var gateway = nameof(PaymentGatewayKind.Stripe);
        var known = await db.GatewayCustomers.Where(g => g.CustomerId == customer.CustomerId && g.Gateway == gateway)
            .Select(g => g.Reference).SingleOrDefaultAsync(cancellationToken);
        if (known is not null)
        {
            return known;
        }
        var created = await new CustomerService(stripe).CreateAsync(new CustomerCreateOptions
        {
            Name = customer.Name,
            Email = customer.Email,
            Metadata = new Dictionary<string, string> { [CustomerKey] = customer.CustomerId },
        }, cancellationToken: cancellationToken);
        db.GatewayCustomers.Add(new GatewayCustomer { CustomerId = customer.CustomerId, Gateway = gateway, Reference = created.Id });
        await db.SaveChangesAsync(cancellationToken);
        return created.Id;
    }
}
