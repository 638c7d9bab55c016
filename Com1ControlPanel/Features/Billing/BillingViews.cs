using Com1ControlPanel.Features.Billing.Gateway;

namespace Com1ControlPanel.Features.Billing;

/// <summary>What /billing shows: the masked card, where invoices go, and what the customer may change.</summary>
/// <param name="PostalAddress">The postal address's lines, shown when invoices go there.</param>
/// <param name="PaidServices">The services the customer pays for, named for the warning before the card is removed.</param>
/// <param name="CanChangeCard">False in a support session: support sees the masked card and changes nothing.</param>
public sealed record BillingView(
    CardView? Card,
    BillingAddressForm Address,
    IReadOnlyList<string> PostalAddress,
    IReadOnlyList<string> PaidServices,
    bool CanChangeCard,
    PaymentGatewayKind Gateway);

/// <summary>The card on file as anyone may see it: brand, last four digits, expiry and the name on the card.</summary>
public sealed record CardView(string Brand, string Last4, CardExpiry Expiry, string HolderName, CardState State, DateTime AddedAt)
{
    public string Masked => $"•••• {Last4}";

    public static CardView From(PaymentCard card, DateTime now) =>
        new(card.Brand, card.Last4, card.Expiry, card.HolderName, card.Expiry.StateAt(now), card.AddedAt);
}

public abstract record BillingAddressSaveResult
{
    public sealed record Saved(BillingAddressForm Form, int Changes) : BillingAddressSaveResult;
    public sealed record NothingChanged : BillingAddressSaveResult;
    public sealed record Conflict : BillingAddressSaveResult;
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : BillingAddressSaveResult;
}
