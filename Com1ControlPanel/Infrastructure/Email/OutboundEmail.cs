namespace Com1ControlPanel.Infrastructure.Email;

/// <summary>A message to put in the outbox.</summary>
/// <param name="PanelText">What the recipient reads in the panel; must not contain <paramref name="ContainsSecret"/> material.</param>
public sealed record OutboundEmail(
    string? RecipientUserId,
    string ToAddress,
    string Subject,
    EmailContent Content,
    MessageCategory Category,
    string PanelText,
    bool ContainsSecret = false);

public sealed record EmailContent(string Html, string Text);
