using System.Net;
using System.Text;
using Com1ControlPanel.Features.Billing;
using Com1ControlPanel.Features.Billing.Gateway.Stripe;
using Com1ControlPanel.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Com1ControlPanel.Tests.Features.Billing;

/// <summary>The panel with Billing:Gateway = Stripe, Stripe's API faked in memory: the webhook and the page's policy.</summary>
public sealed class StripeWebhookTests : IDisposable
{
    private readonly FakeStripe stripe = new();
    private readonly PanelApp app;

    public StripeWebhookTests()
    {
        app = PanelApp.With(AppOptions.Default
            .With("Billing:Gateway", "Stripe")
            .With("Billing:Stripe:SecretKey", FakeStripe.SecretKey)
            .With("Billing:Stripe:PublishableKey", FakeStripe.PublishableKey)
            .With("Billing:Stripe:WebhookSecret", FakeStripe.WebhookSecret)
            .WithServices(services => services.AddSingleton(stripe.Client)));
    }

    private HttpClient Client() => app.Client();

    private async Task<string> CustomerAsync(string name) => (await app.Customers.NewAsync("Sam Stripe")).Id;

    private async Task<HttpResponseMessage> PostAsync(string payload, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhook.Path)
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.Add("Stripe-Signature", signature);
        }
        return await Client().SendAsync(request);
    }

    private async Task<int> HistoryAsync(string customerId)
    {
        await using var db = app.CreateDbContext();
        return await db.ProfileChanges.CountAsync(c => c.CustomerId == customerId && c.Field == ProfileField.PaymentCard);
    }

    [Fact]
    public async Task A_signed_setup_intent_succeeded_event_puts_the_card_on_file_once()
    {
        var customer = await CustomerAsync("signed");
        var intent = stripe.SucceededIntentFor(customer, "mastercard", "4444");
        var (payload, signature) = FakeStripe.Event(EventTypes.SetupIntentSucceeded, intent, customer, DateTimeOffset.UtcNow);

        using var first = await PostAsync(payload, signature);
        using var replayed = await PostAsync(payload, signature);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        var card = await app.StoredCardAsync(customer);
        Assert.Equal(("Mastercard", "4444", "Stripe"), (card!.Brand, card.Last4, card.Gateway));
        Assert.StartsWith("pm_mastercard_4444", card.GatewayReference);
        Assert.Equal(1, await HistoryAsync(customer));
    }

    [Fact]
    public async Task Unsigned_wrongly_signed_and_stale_events_are_refused_and_change_nothing()
    {
        var customer = await CustomerAsync("unsigned");
        var intent = stripe.SucceededIntentFor(customer);
        var (payload, _) = FakeStripe.Event(EventTypes.SetupIntentSucceeded, intent, customer, DateTimeOffset.UtcNow);
        var (stalePayload, staleSignature) = FakeStripe.Event(EventTypes.SetupIntentSucceeded, intent, customer,
            DateTimeOffset.UtcNow.AddMinutes(-10));

        using var unsigned = await PostAsync(payload, null);
        using var wrongSecret = await PostAsync(payload, FakeStripe.Sign(payload, DateTimeOffset.UtcNow, "whsec_someone_else"));
        using var tampered = await PostAsync(payload.Replace("succeeded", "succeeded "), FakeStripe.Sign(payload, DateTimeOffset.UtcNow));
        using var stale = await PostAsync(stalePayload, staleSignature);

        Assert.All([unsigned, wrongSecret, tampered, stale], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Null(await app.StoredCardAsync(customer));
    }

    [Fact]
    public async Task A_signed_event_naming_a_setup_intent_made_for_someone_else_changes_nothing()
    {
        var victim = await CustomerAsync("victim");
        var attacker = await CustomerAsync("attacker");
        var attackersIntent = stripe.SucceededIntentFor(attacker);
        var (payload, signature) = FakeStripe.Event(EventTypes.SetupIntentSucceeded, attackersIntent, victim, DateTimeOffset.UtcNow);

        using var response = await PostAsync(payload, signature);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await app.StoredCardAsync(victim));
    }

    [Fact]
    public async Task With_stripe_configured_the_page_may_load_stripe_js_and_frame_stripe_only()
    {
        var customer = await app.Customers.NewAsync("Sam Stripe");
        var client = await app.Client().SignedInAsync(customer.Email);

        using var page = await client.GetAsync("/billing");
        using var embeddedForm = await client.GetAsync("/gateway/embedded/form");

        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self' 'nonce-", policy);
        Assert.Contains("https://js.stripe.com", policy.Split(';').Single(d => d.Trim().StartsWith("script-src")));
        Assert.Contains("https://js.stripe.com", policy.Split(';').Single(d => d.Trim().StartsWith("frame-src")));
        Assert.Contains("https://api.stripe.com", policy.Split(';').Single(d => d.Trim().StartsWith("connect-src")));
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal(HttpStatusCode.NotFound, embeddedForm.StatusCode);
    }

    public void Dispose()
    {
        app.Dispose();
        stripe.Dispose();
    }
}
