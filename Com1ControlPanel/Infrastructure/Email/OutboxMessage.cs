namespace Com1ControlPanel.Infrastructure.Email;

/// <summary>An email the panel has decided to send, persisted before it is delivered.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The account the message is about, so its owner can read it in the panel.</summary>
    public string? RecipientUserId { get; init; }
    public required string ToAddress { get; init; }
    public required string Subject { get; init; }
    public required MessageCategory Category { get; init; }

    /// <summary>For marketing: the topic the recipient must still allow by email when it is delivered.</summary>
    public string? Topic { get; init; }

    /// <summary>For marketing: the one-click unsubscribe address sent as List-Unsubscribe (RFC 8058).</summary>
    public string? UnsubscribeUrl { get; init; }

    /// <summary>
    /// What is delivered. When the message carries a one-time link or code, cleared once it is delivered, given up on,
    /// or its link has expired.
    /// </summary>
    public string? HtmlBody { get; set; }
    public string? TextBody { get; set; }

    /// <summary>What the recipient reads in the panel: never a secret link or code.</summary>
    public required string PanelText { get; init; }
    public bool ContainsSecret { get; init; }

    public DateTime CreatedAt { get; init; }
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>Why the last attempt failed, without addresses or content.</summary>
    public string? LastError { get; set; }
}

/// <summary>Essential messages (account, billing, security, system, policy) always go out; marketing may be refused.</summary>
public enum MessageCategory
{
    Essential,
    Marketing,
}

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
    Suppressed,
    /// <summary>Not delivered in time: its one-time link stopped working before it could go out.</summary>
    Expired,
}
