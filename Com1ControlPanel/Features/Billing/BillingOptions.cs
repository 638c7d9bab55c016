using Com1ControlPanel.Features.Billing.Gateway;

namespace Com1ControlPanel.Features.Billing;

/// <summary>The "Billing" settings: which payment gateway takes card numbers, and Stripe's keys when it is Stripe.</summary>
public sealed class BillingOptions
{
    public const string Section = "Billing";

    /// <summary>Embedded (the default: the panel's offline test gateway, never in Production) or Stripe.</summary>
    public PaymentGatewayKind Gateway { get; set; } = PaymentGatewayKind.Embedded;

    public StripeOptions Stripe { get; set; } = new();
}

public sealed class StripeOptions
{
    /// <summary>The server's key (sk_...): creates SetupIntents and reads the saved card's brand, last four and expiry.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The browser's key (pk_...), for Stripe.js and the Payment Element.</summary>
    public string? PublishableKey { get; set; }

    /// <summary>The webhook endpoint's signing secret (whsec_...): events not signed with it are refused.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Stripe's API address; only tests change it.</summary>
    public string? ApiBase { get; set; }
}
