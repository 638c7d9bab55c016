namespace Com1ControlPanel.Features.Billing.Gateway;

/// <summary>
/// Where card numbers go instead of the panel. The customer types the card into the gateway's own frame; the gateway
/// answers the page with a token, and the panel's server redeems the token here for what it may keep: a reference,
/// brand, last four digits, expiry and the name on the card. Chosen with <c>Billing:Gateway</c>.
/// </summary>
public interface IPaymentGateway
{
    PaymentGatewayKind Kind { get; }

    /// <summary>Opens a card entry for the customer: what the page needs to show the gateway's frame.</summary>
    Task<CardEntryStart> BeginCardEntryAsync(CardHolder customer, CancellationToken cancellationToken);

    /// <summary>
    /// The card behind <paramref name="token"/>, if the token is the gateway's, finished, and was issued for
    /// <paramref name="customerId"/>; otherwise why not (nothing about the card is in the answer).
    /// </summary>
    Task<TokenRedemption> RedeemAsync(string customerId, string token, CancellationToken cancellationToken);

    /// <summary>Tells the gateway to forget a card the panel no longer keeps. A card it does not know is not an error.</summary>
    Task ForgetAsync(string gatewayReference, CancellationToken cancellationToken);
}

public enum PaymentGatewayKind
{
    /// <summary>The panel's own test gateway, for Development and tests: it never runs in Production.</summary>
    Embedded,
    Stripe,
}

/// <summary>The customer a card entry is for, as the gateway may know them.</summary>
public sealed record CardHolder(string CustomerId, string Name, string Email);

/// <summary>What the page needs to show a gateway's card entry.</summary>
public abstract record CardEntryStart
{
    /// <summary>The embedded gateway's own form, shown in an iframe of the panel.</summary>
    public sealed record EmbeddedForm(string FormUrl) : CardEntryStart;

    /// <summary>Stripe's Payment Element, confirmed against the SetupIntent behind <paramref name="ClientSecret"/>.</summary>
    public sealed record StripeElement(string PublishableKey, string ClientSecret) : CardEntryStart;
}

/// <summary>A card as the gateway describes it: everything the panel keeps, and nothing more.</summary>
public sealed record GatewayCard(string Reference, string Brand, string Last4, int ExpiryMonth, int ExpiryYear, string HolderName);

public abstract record TokenRedemption
{
    public sealed record Redeemed(GatewayCard Card) : TokenRedemption;

    /// <summary>The gateway does not know the token, or it was issued for someone else.</summary>
    public sealed record Unknown : TokenRedemption;

    /// <summary>The token was already used, or has run out.</summary>
    public sealed record Spent : TokenRedemption;

    /// <summary>The card entry behind the token did not finish (declined, still waiting for the bank).</summary>
    public sealed record NotCompleted : TokenRedemption;
}
