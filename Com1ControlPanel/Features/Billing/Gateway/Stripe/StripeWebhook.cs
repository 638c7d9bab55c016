using Microsoft.Extensions.Options;
using Stripe;

namespace Com1ControlPanel.Features.Billing.Gateway.Stripe;

/// <summary>
/// POST /billing/stripe/webhook: Stripe tells the panel a card entry finished. Only events signed with the webhook secret
/// in the last five minutes are believed; the card is then read from Stripe's API and put on file, once.
/// </summary>
public sealed class StripeWebhook(IOptions<BillingOptions> options, CardOnFile cards, TimeProvider time, ILogger<StripeWebhook> logger)
{
    public const string Path = "/billing/stripe/webhook";
    private const long ToleranceSeconds = 300;
    private const int MaxBody = 256 * 1024;

    public async Task<IResult> HandleAsync(HttpRequest request)
    {
        var secret = options.Value.Stripe.WebhookSecret;
        if (string.IsNullOrEmpty(secret) || request.ContentLength > MaxBody)
        {
            return Results.BadRequest();
        }
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(json, request.Headers["Stripe-Signature"].ToString(), secret,
                ToleranceSeconds, time.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException)
        {
            // Unsigned, signed with another secret, or too old to be believed (a replay): nothing is read from it.
            logger.LogWarning("Refused a Stripe webhook event: its signature is missing, wrong or too old");
            return Results.BadRequest();
        }
        if (stripeEvent.Type == EventTypes.SetupIntentSucceeded && stripeEvent.Data.Object is SetupIntent intent
            && intent.Metadata?.GetValueOrDefault(StripeGateway.CustomerKey) is { Length: > 0 } customerId)
        {
            await cards.SaveFromGatewayAsync(customerId, actor: null, intent.Id, request.HttpContext.RequestAborted);
        }
        else if (stripeEvent.Type == EventTypes.SetupIntentSetupFailed)
        {
            logger.LogInformation("Stripe reports a card entry that did not finish (event {EventId})", stripeEvent.Id);
        }
        return Results.Ok();
    }
}
