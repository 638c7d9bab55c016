namespace Com1ControlPanel.Features.Billing;

/// <summary>
/// The customer's card on file, as the payment gateway described it: never the number, never the security code.
/// A customer has at most one; replacing it changes this row, removing it deletes it (the history keeps what happened).
/// </summary>
public sealed class PaymentCard
{
    public long Id { get; init; }
    public required string CustomerId { get; init; }

    /// <summary>Which gateway holds the card: <see cref="PaymentGatewayKind"/> by name.</summary>
    public required string Gateway { get; set; }

    /// <summary>The gateway's own reference to the saved card (a Stripe payment method, an embedded-gateway card id).</summary>
    public required string GatewayReference { get; set; }

    public required string Brand { get; set; }
    public required string Last4 { get; set; }
    public int ExpiryMonth { get; set; }
    public int ExpiryYear { get; set; }
    public required string HolderName { get; set; }
    public DateTime AddedAt { get; set; }

    /// <summary>When the customer was told this card is about to expire; a card is reminded of once.</summary>
    public DateTime? ExpiryReminderSentAt { get; set; }

    public CardExpiry Expiry => new(ExpiryMonth, ExpiryYear);

    /// <summary>How the customer reads the card in their history and emails: "Visa ending 4242, expires 01/2027".</summary>
    public string Describe() => $"{Brand} ending {Last4}, expires {Expiry}";
}

/// <summary>
/// A gateway token the panel has redeemed. A token is good for one card, once: a replayed token (or a replayed webhook
/// naming it) finds its row here and changes nothing.
/// </summary>
public sealed class CardTokenRedemption
{
    /// <summary>The token as the gateway issued it (an embedded-gateway token, a Stripe SetupIntent id): not card data.</summary>
    public required string Token { get; init; }
    public required string CustomerId { get; init; }
    public DateTime RedeemedAt { get; init; }
}

/// <summary>The customer as a gateway knows them (a Stripe customer), so every card of theirs is saved to the same one.</summary>
public sealed class GatewayCustomer
{
    public required string CustomerId { get; init; }
    public required string Gateway { get; init; }
    public required string Reference { get; init; }
}
