using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Infrastructure.Hosting;

/// <summary>
/// How requests reach the panel. Behind a TLS-terminating proxy the panel learns the scheme and the client's address
/// from X-Forwarded-Proto and X-Forwarded-For, believing them only from this machine and the proxies named in
/// ForwardedHeaders:KnownProxies and ForwardedHeaders:KnownNetworks. Outside Development plain http is sent to https,
/// https answers carry HSTS, and every cookie the panel sets is Secure.
/// </summary>
public static class PanelTransport
{
    public static IServiceCollection AddPanelTransport(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Never X-Forwarded-Host: the host is checked against the allowed hosts as the request named it.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Loopback stays known, as the framework has it: a proxy on the same machine needs no setting.
            foreach (var proxy in List(configuration, "ForwardedHeaders:KnownProxies"))
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: \"{proxy}\" is not an IP address."));
            }
            foreach (var network in List(configuration, "ForwardedHeaders:KnownNetworks"))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range) ? range
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: \"{network}\" is not a network such as 10.0.0.0/8."));
            }
        });
        services.Configure<HstsOptions>(options => options.MaxAge = TimeSpan.FromDays(365));
        // Redirects go to the port of the public address when that is https (443 unless it names another).
        services.AddOptions<HttpsRedirectionOptions>().Configure<IOptions<PanelOptions>>((options, panel) =>
        {
            if (panel.Value.PublicBaseUri is { Scheme: "https" } publicUri)
            {
                options.HttpsPort = publicUri.Port;
            }
        });
        // Development runs on http://localhost, so there a cookie is Secure when the request is.
        services.Configure<CookiePolicyOptions>(options =>
            options.Secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        return services;
    }

    /// <summary>First in the pipeline: error pages, logs, sign-in records, redirects and cookies all need the real scheme and client.</summary>
    public static WebApplication UsePanelTransport(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            // Health probes of a load balancer often speak plain http to the app itself, and expect a plain answer.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        }
        app.UseCookiePolicy();
        return app;
    }

    /// <summary>A list setting: "a;b" in one value (as an environment variable), or an array in appsettings.json.</summary>
    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        IEnumerable<string> values = section.Value is { } one ? [one] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
