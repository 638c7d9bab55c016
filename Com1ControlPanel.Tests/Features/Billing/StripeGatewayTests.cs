using Com1ControlPanel.Features.Billing;
using Com1ControlPanel.Features.Billing.Gateway;
using Com1ControlPanel.Features.Billing.Gateway.Stripe;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Tests.Features.Billing;

/// <summary>The Stripe gateway against a fake Stripe API: what it asks Stripe for and what it keeps of the answer.</summary>
public sealed class StripeGatewayTests : ServiceTest, IDisposable
{
    private readonly FakeStripe stripe = new();
    private readonly StripeGateway gateway;

    public StripeGatewayTests() : base(BillingSteps.Start)
    {
        var options = Options.Create(new BillingOptions
        {
            Gateway = PaymentGatewayKind.Stripe,
            Stripe = new StripeOptions
            {
                SecretKey = FakeStripe.SecretKey, PublishableKey = FakeStripe.PublishableKey, WebhookSecret = FakeStripe.WebhookSecret,
            },
        });
        gateway = new StripeGateway(stripe.Client, options, Kit.Database, NullLogger<StripeGateway>.Instance);
    }

    private CardHolder Holder(string customerId) => new(customerId, "Alice Morgan", $"{customerId}@example.com");

    [Fact]
    public async Task A_card_entry_is_a_setup_intent_for_the_customers_own_stripe_customer()
    {
        var customer = await Kit.PayingCustomerAsync();

        var first = Assert.IsType<CardEntryStart.StripeElement>(await gateway.BeginCardEntryAsync(Holder(customer), default));
        var second = Assert.IsType<CardEntryStart.StripeElement>(await gateway.BeginCardEntryAsync(Holder(customer), default));

        Assert.Equal(FakeStripe.PublishableKey, first.PublishableKey);
        Assert.EndsWith("_secret_fake", first.ClientSecret);
        Assert.Equal(customer, stripe.MetadataOf(first.ClientSecret.Split("_secret")[0]));
        Assert.NotEqual(first.ClientSecret, second.ClientSecret);
        // One Stripe customer for both entries.
        Assert.Single(stripe.Requests, r => r == "POST /v1/customers");
    }

    [Fact]
    public async Task A_succeeded_setup_intent_redeems_to_brand_last_four_expiry_and_name()
    {
        var customer = await Kit.PayingCustomerAsync();
        var entry = (CardEntryStart.StripeElement)await gateway.BeginCardEntryAsync(Holder(customer), default);
        var intent = entry.ClientSecret.Split("_secret")[0];
        var paymentMethod = stripe.Succeed(intent, "mastercard", "4444", 3, 2030);

        var redeemed = Assert.IsType<TokenRedemption.Redeemed>(await gateway.RedeemAsync(customer, intent, default));

        Assert.Equal(new GatewayCard(paymentMethod, "Mastercard", "4444", 3, 2030, "Stripe Holder"), redeemed.Card);
    }

    [Fact]
    public async Task A_setup_intent_of_another_customer_or_unknown_to_stripe_redeems_to_nothing()
    {
        var alice = await Kit.PayingCustomerAsync();
        var mallory = await Kit.PayingCustomerAsync();
        var alicesIntent = stripe.SucceededIntentFor(alice);

        Assert.IsType<TokenRedemption.Unknown>(await gateway.RedeemAsync(mallory, alicesIntent, default));
        Assert.IsType<TokenRedemption.Unknown>(await gateway.RedeemAsync(alice, "seti_does_not_exist", default));
        var before = stripe.Requests.Count;
        Assert.IsType<TokenRedemption.Unknown>(await gateway.RedeemAsync(alice, "pm_not_a_setup_intent", default));
        Assert.Equal(before, stripe.Requests.Count);
    }

    [Fact]
    public async Task A_setup_intent_still_waiting_for_the_card_is_not_completed()
    {
        var customer = await Kit.PayingCustomerAsync();
        var entry = (CardEntryStart.StripeElement)await gateway.BeginCardEntryAsync(Holder(customer), default);

        Assert.IsType<TokenRedemption.NotCompleted>(await gateway.RedeemAsync(customer, entry.ClientSecret.Split("_secret")[0], default));
    }

    [Fact]
    public async Task A_removed_card_is_detached_at_stripe()
    {
        await gateway.ForgetAsync("pm_visa_4242", default);

        Assert.Equal(["pm_visa_4242"], stripe.Detached);
    }

    public void Dispose() => stripe.Dispose();
}
