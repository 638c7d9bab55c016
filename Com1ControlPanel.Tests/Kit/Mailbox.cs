using System.Text.RegularExpressions;
using MimeKit;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>Reads the .eml files the app writes to its pickup folder, as a recipient's mail client would.</summary>
public sealed partial class Mailbox(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>Every message delivered so far.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }
        var messages = new List<MimeMessage>();
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.eml").Order(StringComparer.Ordinal))
        {
            if (TryLoad(file) is { } message)
            {
                messages.Add(message);
            }
        }
        return messages;
    }

    /// <summary>The messages delivered to <paramref name="address"/> with exactly this subject.</summary>
    public IReadOnlyList<MimeMessage> MessagesTo(string address, string subject) =>
        [.. Messages().Where(m => IsTo(m, address) && m.Subject == subject)];

    /// <summary>
    /// Waits until a message to <paramref name="address"/> with this subject has been delivered: 30 seconds unless told,
    /// as the browser tests wait, since an announcement to every customer of a shared test app queues hundreds of emails.
    /// </summary>
    public async Task<MimeMessage> WaitForAsync(string address, string subject, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (MessagesTo(address, subject).FirstOrDefault() is { } message)
            {
                return message;
            }
            if (DateTime.UtcNow > deadline)
            {
                var seen = string.Join("; ", Messages().Select(m => $"{m.To} \"{m.Subject}\""));
                throw new TimeoutException($"No message to {address} with subject \"{subject}\" arrived. Delivered: {seen}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The first http(s) link in the message's plain-text part.</summary>
    public static Uri FirstLink(MimeMessage message)
    {
        var text = message.TextBody ?? throw new InvalidOperationException("The message has no text part.");
        var match = Link().Match(text);
        return match.Success ? new Uri(match.Value) : throw new InvalidOperationException("The message contains no link.");
    }

    private static bool IsTo(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));

    // A file being written right now is skipped until it is complete.
    private static MimeMessage? TryLoad(string file)
    {
        try
        {
            var length = new FileInfo(file).Length;
            if (length == 0 || DateTime.UtcNow - File.GetLastWriteTimeUtc(file) < TimeSpan.FromMilliseconds(50))
            {
                return null;
            }
            return MimeMessage.Load(file);
        }
        catch (Exception ex) when (ex is IOException or FormatException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();
}
