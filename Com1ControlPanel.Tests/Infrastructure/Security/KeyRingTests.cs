using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Com1ControlPanel.Tests.Infrastructure.Security;

/// <summary>
/// The keys behind cookies and account links live in the database: two instances of the panel on one database read each
/// other's cookies, as instances behind a load balancer must; with a certificate configured, no key is stored readable.
/// </summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly string folder = TempFolder.New();

    public void Dispose() => TempFolder.Delete(folder);

    [Fact]
    public async Task A_customer_signed_in_on_one_instance_is_signed_in_on_another_on_the_same_database()
    {
        using var first = new PanelApp();
        var customer = await first.Customers.NewAsync("Ines Instance");
        var jar = new CookieContainer();
        using (var client = first.Client(keepCookies: false, handlers: new CookieContainerHandler(jar)))
        {
            await client.SignedInAsync(customer.Email);
        }

        using var second = PanelApp.With(SameDatabase(first));
        using var other = second.Client(keepCookies: false, handlers: new CookieContainerHandler(jar));
        using var profile = await other.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Contains("Ines Instance", await profile.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_a_certificate_every_stored_key_is_encrypted_and_instances_with_it_still_share_sign_ins()
    {
        var options = AppOptions.Default.With("DataProtection:Certificate:Path", NewCertificate("current.pfx", "k3y-pass"))
            .With("DataProtection:Certificate:Password", "k3y-pass");
        using var first = PanelApp.With(options);
        var customer = await first.Customers.NewAsync("Cora Certificate");
        var jar = new CookieContainer();
        using (var client = first.Client(keepCookies: false, handlers: new CookieContainerHandler(jar)))
        {
            await client.SignedInAsync(customer.Email);
        }

        await using (var db = first.CreateDbContext())
        {
            var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("<encryptedSecret", xml);
                Assert.DoesNotContain("<value>", xml);
            });
        }
        using var second = PanelApp.With(options.With("ConnectionStrings:Default", first.ConnectionString));
        using var other = second.Client(keepCookies: false, handlers: new CookieContainerHandler(jar));
        using var profile = await other.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
    }

    [Fact]
    public void A_certificate_setting_that_names_no_file_stops_the_start_with_the_settings_name()
    {
        using var app = PanelApp.With(AppOptions.Default.With("DataProtection:Certificate:Path", Path.Combine(folder, "missing.pfx")));

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("DataProtection:Certificate:Path", error.ToString());
    }

    private static AppOptions SameDatabase(PanelApp app) =>
        AppOptions.Default.With("ConnectionStrings:Default", app.ConnectionString);

    /// <summary>A self-signed certificate with its private key, saved as a password-protected .pfx.</summary>
    private string NewCertificate(string name, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Com 1 panel keys (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
