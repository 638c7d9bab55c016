using Com1ControlPanel.Features.Preferences;

namespace Com1ControlPanel.Features.Announcements;

/// <summary>
/// A marketing announcement an admin wrote and sent: one Marketing email per customer who allowed its topic by email
/// when it was sent. Whether each one is delivered is decided again at delivery (see MarketingSuppression).
/// </summary>
public sealed class Announcement
{
    public const int SubjectMaxLength = 150;
    public const int BodyMaxLength = 5000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public MarketingPurpose Topic { get; init; }
    public ContactChannel Channel { get; init; } = ContactChannel.Email;
    public required string Subject { get; init; }
    /// <summary>Plain text; paragraphs are separated by blank lines.</summary>
    public required string Body { get; init; }

    public required string CreatedByUserId { get; init; }
    public required string CreatedByName { get; init; }
    public DateTime CreatedAt { get; init; }

    public AnnouncementStatus Status { get; set; } = AnnouncementStatus.Queued;
    /// <summary>How many customers the audience held when sending started (0 until then).</summary>
    public int Total { get; set; }
    /// <summary>How many messages are in the outbox so far; saved with each batch of messages.</summary>
    public int Enqueued { get; set; }
    public DateTime? FinishedAt { get; set; }
}

public enum AnnouncementStatus
{
    /// <summary>Stored, waiting for the background sender.</summary>
    Queued,
    /// <summary>The sender is putting its messages into the outbox (or was, when the app stopped: it resumes at start).</summary>
    Sending,
    /// <summary>Every message is in the outbox; the outbox delivers or suppresses each one.</summary>
    Sent,
    /// <summary>The sender gave up; the messages already in the outbox still go out.</summary>
    Failed,
}
