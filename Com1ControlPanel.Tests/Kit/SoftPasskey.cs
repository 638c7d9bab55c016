using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// A passkey held in the test instead of a security key or phone: a P-256 key pair that registers with the panel and
/// answers a WebAuthn sign-in challenge the way an authenticator does (W3C WebAuthn Level 3, sections 6.1 and 7.2).
/// Whether it says it verified the user (PIN or biometric) is the test's choice.
/// </summary>
public sealed class SoftPasskey : IDisposable
{
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private uint signCount;

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(16);

    /// <summary>What the panel stores for this passkey, as registration would have stored it.</summary>
    public UserPasskeyInfo ToStored() => new(CredentialId, CoseKey(), DateTimeOffset.UtcNow, signCount: 0, transports: ["internal"],
        isUserVerified: true, isBackupEligible: false, isBackedUp: false, attestationObject: [], clientDataJson: []);

    /// <summary>The credential JSON the browser would post after the authenticator signed <paramref name="challenge"/>.</summary>
    public string Assert(string challenge, string origin, string userId, bool userVerified)
    {
        var clientData = JsonSerializer.SerializeToUtf8Bytes(new { type = "webauthn.get", challenge, origin, crossOrigin = false });
        var rpIdHash = SHA256.HashData(Encoding.UTF8.GetBytes(new Uri(origin).Host));
        // Flags: user present (bit 0), and user verified (bit 2) when the authenticator checked a PIN or biometric.
        byte flags = (byte)(0x01 | (userVerified ? 0x04 : 0));
        var counter = ++signCount;
        byte[] authenticatorData = [.. rpIdHash, flags, (byte)(counter >> 24), (byte)(counter >> 16), (byte)(counter >> 8), (byte)counter];
        var signature = key.SignData([.. authenticatorData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256,
            DSASignatureFormat.Rfc3279DerSequence);
        return JsonSerializer.Serialize(new
        {
            id = Base64Url.EncodeToString(CredentialId),
            rawId = Base64Url.EncodeToString(CredentialId),
            type = "public-key",
            response = new
            {
                clientDataJSON = Base64Url.EncodeToString(clientData),
                authenticatorData = Base64Url.EncodeToString(authenticatorData),
                signature = Base64Url.EncodeToString(signature),
                userHandle = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(userId)),
            },
            clientExtensionResults = new { },
            authenticatorAttachment = "platform",
        });
    }

    // COSE_Key (RFC 9053) for ES256 on P-256, in CTAP2 canonical CBOR: {1: 2, 3: -7, -1: 1, -2: x, -3: y}.
    private byte[] CoseKey()
    {
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        return [0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20, .. point.X!, 0x22, 0x58, 0x20, .. point.Y!];
    }

    public void Dispose() => key.Dispose();
}
