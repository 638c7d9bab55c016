using System.Net;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.RateLimiting;
using Com1ControlPanel.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// The whole app with a small limit of <see cref="Limit"/> for every policy. Each client gets a network address of its own
/// (in-memory requests have none), so no test uses up another test's allowance.
/// </summary>
public sealed class RateLimitedApp : IDisposable
{
    public const int Limit = 2;
    private const string ClientAddressHeader = "X-Test-Client-Address";
    private static int lastClient;
    private readonly PanelAppFactory inner = new();

    public RateLimitedApp()
    {
        App = inner.WithWebHostBuilder(builder =>
        {
            foreach (var policy in RateLimitPolicies.All)
            {
                builder.UseSetting($"RateLimits:{policy}:PermitLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
        });
    }

    public WebApplicationFactory<Program> App { get; }

    public IServiceProvider Services => App.Services;

    public AppDbContext CreateDbContext() => App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    /// <summary>
    /// A cookie-keeping, non-redirecting client at a network address no other client has, or at the address of
    /// <paramref name="sameNetworkAs"/>.
    /// </summary>
    public HttpClient NewClient(HttpClient? sameNetworkAs = null)
    {
        // https, as every test client: the panel's cookies (antiforgery among them) are Secure outside Development.
        var client = App.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = App.ClientOptions.BaseAddress,
        });
        var n = Interlocked.Increment(ref lastClient);
        client.DefaultRequestHeaders.Add(ClientAddressHeader,
            sameNetworkAs?.DefaultRequestHeaders.GetValues(ClientAddressHeader).Single() ?? $"198.18.{n / 250}.{n % 250 + 1}");
        return client;
    }

    public static string NewEmail(string what) => $"{what}-{Guid.NewGuid():N}"[..24] + "@example.com";

    /// <summary>Refused as the limit requires: 429, when to retry (header and page), and nothing else.</summary>
    public static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a Retry-After in seconds");
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Too many attempts", page);
        Assert.Contains("Try again in ", page);
    }

    public void Dispose() => inner.Dispose();

    /// <summary>Gives each request the address its client was given, before anything else in the app sees it.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
