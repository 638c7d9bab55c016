using System.Buffers.Text;
using System.Text.Json;

namespace Com1ControlPanel.Features.Accounts.SignIns;

/// <summary>Reads the flags of a WebAuthn assertion's authenticator data (W3C WebAuthn Level 3, section 6.1).</summary>
internal static class PasskeyFlags
{
    // Authenticator data: 32 bytes of relying party id hash, then one byte of flags. Bit 2 (UV): the user was verified.
    private const int FlagsOffset = 32;
    private const byte UserVerifiedBit = 0x04;

    public static bool UserVerified(string credentialJson)
    {
        try
        {
            using var json = JsonDocument.Parse(credentialJson);
            var encoded = json.RootElement.GetProperty("response").GetProperty("authenticatorData").GetString();
            var data = Base64Url.DecodeFromChars(encoded);
            return data.Length > FlagsOffset && (data[FlagsOffset] & UserVerifiedBit) != 0;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }
}
