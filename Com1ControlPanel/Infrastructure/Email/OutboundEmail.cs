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
    bool ContainsSecret = false)
{
    /// <summary>Known before the message is stored, so links inside it (unsubscribe) can name it.</summary>
    public Guid MessageId { get; init; } = Guid.NewGuid();

    /// <summary>Marketing only: the topic, checked against the recipient's choices at delivery.</summary>
    public string? Topic { get; init; }

    /// <summary>Marketing only: the one-click unsubscribe address.</summary>
    public string? UnsubscribeUrl { get; init; }
}

public sealed record EmailContent(string Html, string Text);
