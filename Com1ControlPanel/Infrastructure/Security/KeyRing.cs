using System.Security.Cryptography.X509Certificates;
using Com1ControlPanel.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Com1ControlPanel.Infrastructure.Security;

/// <summary>
/// The keys that sign and encrypt the panel's cookies, antiforgery tokens and account links. They live in the database,
/// so they survive restarts and deploys (nobody is signed out) and every instance behind a load balancer shares them: a
/// cookie one instance issued is read by any other. With DataProtection:Certificate:Path set, each key is encrypted with
/// that certificate before it is stored, so a copy of the database alone cannot forge a sign-in.
/// </summary>
public static class KeyRing
{
    public const string ApplicationName = "Com1ControlPanel";

    public static IServiceCollection AddPanelKeyRing(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var keys = services.AddDataProtection()
            .PersistKeysToDbContext<AppDbContext>()
            .SetApplicationName(ApplicationName);
        if (Certificate(configuration, environment) is { } certificate)
        {
            keys.ProtectKeysWithCertificate(certificate);
            // Keys protected with a certificate that has since been replaced stay readable while that one is still given.
            if (PreviousCertificate(configuration, environment) is { } previous)
            {
                keys.UnprotectKeysWithAnyCertificate(certificate, previous);
            }
        }
        return services;
    }

    private static X509Certificate2? Certificate(IConfiguration configuration, IHostEnvironment environment) =>
        Load(configuration, environment, "DataProtection:Certificate");

    private static X509Certificate2? PreviousCertificate(IConfiguration configuration, IHostEnvironment environment) =>
        Load(configuration, environment, "DataProtection:PreviousCertificate");

    /// <summary>A PKCS#12 (.pfx) file with its private key, relative to the content root, and its password if it has one.</summary>
    private static X509Certificate2? Load(IConfiguration configuration, IHostEnvironment environment, string section)
    {
        if (configuration[$"{section}:Path"] is not { Length: > 0 } path)
        {
            return null;
        }
        var file = Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path);
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"{section}:Path: no certificate file at \"{file}\".");
        }
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(file, configuration[$"{section}:Password"]);
        return certificate.HasPrivateKey ? certificate
            : throw new InvalidOperationException($"{section}:Path: the certificate has no private key, so keys protected with it could not be read back.");
    }
}
