namespace Com1ControlPanel.Features.Billing.Page;

/// <summary>What the customer reads when a card change did not happen. Each says the old card is still on file.</summary>
internal static class CardMessages
{
    public static string Refused(CardRefusal reason) => reason switch
    {
        CardRefusal.NotCompleted => "The payment provider has not finished with this card, so nothing changed. Try again.",
        CardRefusal.ChangedMeanwhile => "Your card was changed somewhere else at the same time, so nothing changed here. Check the card shown.",
        CardRefusal.NoCard => "There is no card on file to remove.",
        CardRefusal.GatewayUnavailable => "The payment provider did not answer, so nothing changed. Try again in a few minutes.",
        CardRefusal.SupportSession => "Only the customer can change the payment card.",
        _ => "This card could not be saved, so nothing changed. Close the form and add the card again.",
    };
}
