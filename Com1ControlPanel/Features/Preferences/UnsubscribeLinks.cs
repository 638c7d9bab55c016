using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Com1ControlPanel.Infrastructure.Hosting;

namespace Com1ControlPanel.Features.Preferences;

/// <summary>What an unsubscribe link stands for: one message, to one customer, about one topic on one channel.</summary>
public sealed record UnsubscribeRequest(Guid MessageId, string CustomerId, ConsentKey Key);

/// <summary>
/// Signed, tamper-proof unsubscribe links for marketing email. The token is encrypted and authenticated with the
/// app's data-protection keys: changing any character makes it worthless.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, PanelLinks links)
{
    private readonly IDataProtector protector = protection.CreateProtector("Com1.Preferences.Unsubscribe.v1");

    public string TokenFor(UnsubscribeRequest request)
    {
        var payload = $"{request.MessageId:N}|{request.CustomerId}|{request.Key.Purpose}|{request.Key.Channel}";
        return WebEncoders.Base64UrlEncode(protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    /// <summary>The address to put in the email and its List-Unsubscribe header.</summary>
    public string UrlFor(UnsubscribeRequest request) => links.To($"unsubscribe/{TokenFor(request)}");

    /// <summary>The request a token stands for, or null when it was forged, altered or is not a token at all.</summary>
    public UnsubscribeRequest? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }
        try
        {
            var parts = Encoding.UTF8.GetString(protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('|');
            return parts.Length == 4 && Guid.TryParseExact(parts[0], "N", out var messageId)
                && ConsentKey.Parse(parts[2], parts[3]) is { } key
                ? new UnsubscribeRequest(messageId, parts[1], key)
                : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
