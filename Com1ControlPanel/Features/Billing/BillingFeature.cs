using Com1ControlPanel.Features.Billing.Gateway;
using Com1ControlPanel.Features.Billing.Gateway.Embedded;
using Com1ControlPanel.Features.Billing.Gateway.Stripe;
using Com1ControlPanel.Infrastructure.Jobs;
using Com1ControlPanel.Infrastructure.Security;
using Hangfire;
using Microsoft.Extensions.Options;
using Stripe;

namespace Com1ControlPanel.Features.Billing;

public static class BillingFeature
{
    /// <summary>
    /// /billing: the card on file (through the payment gateway chosen with Billing:Gateway, so card numbers never reach
    /// the panel), the billing address, and the daily reminder of cards about to expire.
    /// </summary>
    public static IServiceCollection AddBilling(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(BillingOptions.Section).Get<BillingOptions>() ?? new BillingOptions();
        services.AddOptions<BillingOptions>().BindConfiguration(BillingOptions.Section);
        switch (options.Gateway)
        {
            case PaymentGatewayKind.Stripe:
                AddStripe(services, options.Stripe);
                break;
            case PaymentGatewayKind.Embedded when environment.IsProduction():
                throw new InvalidOperationException(
                    "The embedded test payment gateway does not run in Production. Set Billing:Gateway to Stripe and its keys.");
            default:
                services.AddSingleton<EmbeddedGateway>();
                services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<EmbeddedGateway>());
                break;
        }
        services.AddSingleton<CardOnFile>();
        services.AddScoped<BillingService>();
        services.AddSingleton<CardExpiryReminders>();
        services.AddRecurringJob<CardExpiryReminders>("card-expiry-reminders", r => r.RunAsync(CancellationToken.None), Cron.Daily(),
            runAtStart: true);
        return services;
    }

    /// <summary>The embedded gateway's form, or Stripe's webhook: whichever gateway is configured.</summary>
    public static IEndpointRouteBuilder MapBilling(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<BillingOptions>>().Value;
        if (options.Gateway == PaymentGatewayKind.Stripe)
        {
            endpoints.MapPost(StripeWebhook.Path, (HttpRequest request, StripeWebhook webhook) => webhook.HandleAsync(request))
                .AllowAnonymous();
        }
        else
        {
            endpoints.MapEmbeddedGateway();
        }
        return endpoints;
    }

    private static void AddStripe(IServiceCollection services, StripeOptions stripe)
    {
        if (string.IsNullOrWhiteSpace(stripe.SecretKey) || string.IsNullOrWhiteSpace(stripe.PublishableKey)
            || string.IsNullOrWhiteSpace(stripe.WebhookSecret))
        {
            throw new InvalidOperationException(
                "Billing:Gateway is Stripe but Billing:Stripe:SecretKey, PublishableKey or WebhookSecret is missing.");
        }
        services.AddSingleton<IStripeClient>(_ => new StripeClient(stripe.SecretKey, apiBase: stripe.ApiBase));
        services.AddSingleton<IPaymentGateway, StripeGateway>();
        services.AddSingleton<StripeWebhook>();
        // Stripe.js and the Payment Element come from Stripe, in Stripe's frames, and talk to Stripe's API.
        services.Configure<ContentSecurityPolicySources>(csp =>
        {
            csp.Scripts.Add("https://js.stripe.com");
            csp.Scripts.Add("https://*.js.stripe.com");
            csp.Frames.Add("https://js.stripe.com");
            csp.Frames.Add("https://*.js.stripe.com");
            csp.Frames.Add("https://hooks.stripe.com");
            csp.Connections.Add("https://api.stripe.com");
        });
    }
}
