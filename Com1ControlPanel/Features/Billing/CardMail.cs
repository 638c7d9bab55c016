using Com1ControlPanel.Infrastructure.Email;

namespace Com1ControlPanel.Features.Billing;

/// <summary>The Essential emails about the card on file. They name the brand and last four digits, never more.</summary>
internal static class CardMail
{
    public static OutboundEmail Added(Recipient to, PaymentCard card) => Mail(to,
        "A payment card was added to your account",
        [$"{card.Describe()} is now the card on file for your Com 1 account. Com 1 charges your invoices to it.",
         IfNotYou],
        $"Payment card ending {card.Last4} added.");

    public static OutboundEmail Replaced(Recipient to, string oldCard, PaymentCard card) => Mail(to,
        "Your payment card was replaced",
        [$"{card.Describe()} replaced {oldCard} as the card on file for your Com 1 account. Com 1 charges your invoices to it from now on.",
         IfNotYou],
        $"Payment card ending {card.Last4} replaced the card that was on file.");

    public static OutboundEmail Removed(Recipient to, PaymentCard card) => Mail(to,
        "Your payment card was removed",
        [$"{card.Describe()} is no longer on file for your Com 1 account.",
         "Until you add another card, Com 1 cannot charge your invoices to a card: they come to you by email to pay another way.",
         IfNotYou],
        $"Payment card ending {card.Last4} removed.");

    public static OutboundEmail ExpiresSoon(Recipient to, PaymentCard card, string billingLink) => Mail(to,
        "Your payment card expires soon",
        [$"{card.Brand} ending {card.Last4}, the card on file for your Com 1 account, works until the end of {card.Expiry}.",
         "Add your new card in your control panel before then, so your invoices can still be paid by card."],
        $"Payment card ending {card.Last4} expires at the end of {card.Expiry}.",
        new EmailTemplate.Action("Update my payment card", billingLink));

    private const string IfNotYou =
        "If you did not make this change, sign in and check your account, and call Com 1 support.";

    private static OutboundEmail Mail(Recipient to, string subject, string[] paragraphs, string panelText,
        EmailTemplate.Action? action = null) =>
        new(to.UserId, to.Email, subject, EmailTemplate.Compose(to.Name, paragraphs, action), MessageCategory.Essential, panelText);

    public sealed record Recipient(string UserId, string Email, string Name);
}
