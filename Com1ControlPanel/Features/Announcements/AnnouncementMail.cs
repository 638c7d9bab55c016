using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Email;

namespace Com1ControlPanel.Features.Announcements;

/// <summary>The Marketing email of an announcement for one member of its audience.</summary>
public sealed partial class AnnouncementMail(UnsubscribeLinks unsubscribeLinks)
{
    /// <summary>
    /// The outbox id of the announcement's message to one customer: derived from both ids (a name-based UUID, version 8),
    /// so a sender that resumes after a crash can tell which customers already have theirs without a column for it.
    /// </summary>
    public static Guid MessageIdFor(Guid announcementId, string customerId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"com1-announcement|{announcementId:N}|{customerId}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The body's paragraphs: blocks of text separated by blank lines.</summary>
    public static IReadOnlyList<string> Paragraphs(string body) =>
        [.. BlankLines().Split(body.Replace("\r\n", "\n").Replace('\r', '\n')).Select(p => p.Trim()).Where(p => p.Length > 0)];

    public OutboundEmail For(Announcement announcement, IReadOnlyList<string> paragraphs, Recipient member)
    {
        var messageId = MessageIdFor(announcement.Id, member.CustomerId);
        var key = new ConsentKey(announcement.Topic, ContactChannel.Email);
        var unsubscribe = unsubscribeLinks.UrlFor(new UnsubscribeRequest(messageId, member.CustomerId, key));
        var greeting = string.IsNullOrWhiteSpace(member.FullName) ? "Com 1 customer" : member.FullName;
        var content = EmailTemplate.Compose(greeting, paragraphs, footer: EmailTemplate.Footer.Marketing(announcement.Topic.Label(), unsubscribe));
        // The panel copy is the announcement itself: the unsubscribe link stays in the mailbox, like other links that act without signing in.
        return new OutboundEmail(member.CustomerId, member.Email, announcement.Subject, content, MessageCategory.Marketing, announcement.Body)
        {
            MessageId = messageId,
            Topic = announcement.Topic.ToString(),
            UnsubscribeUrl = unsubscribe,
        };
    }

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLines();
}
