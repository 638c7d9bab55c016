using System.Net;
using Com1ControlPanel.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Support;

/// <summary>
/// The whole app behind a TLS-terminating proxy at <see cref="KnownProxy"/>, which is named in its settings, at the
/// public address https://panel.example.test/. Requests can also come straight from any other network address.
/// </summary>
public sealed class ProxiedPanel : IDisposable
{
    public const string KnownProxy = "10.0.0.5";
    public const string PublicHost = "panel.example.test";

    private readonly PanelAppFactory inner = new()
    {
        Settings =
        {
            ["Panel:PublicBaseUrl"] = $"https://{PublicHost}/",
            ["ForwardedHeaders:KnownProxies"] = KnownProxy,
        },
    };

    public ProxiedPanel() =>
        App = inner.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, ConnectionFrom>()));

    public WebApplicationFactory<Program> App { get; }

    public AppDbContext CreateDbContext() => App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    /// <summary>A browser that speaks https to the proxy; the proxy passes each request on over plain http.</summary>
    public HttpClient ThroughTheProxy(string clientAddress = "198.51.100.7") =>
        App.CreateDefaultClient(new Uri($"https://{PublicHost}/"), new CookieContainerHandler(), new TlsProxy(clientAddress));

    /// <summary>A client that reaches the panel directly from <paramref name="address"/>, with no proxy between.</summary>
    public HttpClient Direct(string address, string scheme = "http") =>
        App.CreateDefaultClient(new Uri($"{scheme}://{PublicHost}/"), new CookieContainerHandler(), new FromAddress(address));

    public void Dispose() => inner.Dispose();

    /// <summary>What a TLS-terminating proxy does: plain http onwards, saying who asked and that they used https.</summary>
    private sealed class TlsProxy(string clientAddress) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var asked = request.RequestUri!;
            request.RequestUri = new UriBuilder(asked) { Scheme = "http", Port = 80 }.Uri;
            request.Headers.Host = asked.Host;
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", clientAddress);
            request.Headers.Add(ConnectionFrom.Header, KnownProxy);
            var response = await base.SendAsync(request, cancellationToken);
            // The browser asked for https: that is where its cookies belong.
            request.RequestUri = asked;
            return response;
        }
    }

    private sealed class FromAddress(string address) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add(ConnectionFrom.Header, address);
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Gives each in-memory request the network address of the machine that sent it, as Kestrel would.</summary>
    private sealed class ConnectionFrom : IStartupFilter
    {
        public const string Header = "X-Test-Connection-From";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate nextMiddleware) =>
            {
                if (context.Request.Headers.Remove(Header, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
