using System.Globalization;
using System.Net;
using Com1ControlPanel.Infrastructure.RateLimiting;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// The whole app with a small limit of <see cref="Limit"/> for every policy. Each client comes from a network address of
/// its own (in-memory requests have none), so no test uses up another test's allowance.
/// </summary>
public sealed class RateLimitedApp() : PanelApp(Options)
{
    public const int Limit = 2;

    private static AppOptions Options => RateLimitPolicies.All.Aggregate(AppOptions.Default,
        (options, policy) => options.With($"RateLimits:{policy}:PermitLimit", Limit.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A cookie-keeping, non-redirecting client at <paramref name="address"/>, or at one no other client has.</summary>
    public HttpClient NewClient(string? address = null) => Client(from: address ?? ClientAddress.Unique());

    /// <summary>Refused as the limit requires: 429, when to retry (header and page), and nothing else.</summary>
    public static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a Retry-After in seconds");
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Too many attempts", page);
        Assert.Contains("Try again in ", page);
    }
}
