using System.Net;
using System.Text.Json;
using Com1ControlPanel.Features.Domains.Rdap;
using Com1ControlPanel.Tests.Security;

namespace Com1ControlPanel.Tests.Features.Domains;

/// <summary>Someone harvesting the registry from one address is stopped with an RDAP error; others still get answers.</summary>
public sealed class RdapRateLimitTests(RateLimitedApp limited) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task Lookups_over_the_limit_get_429_with_retry_after_and_an_rdap_error()
    {
        using var harvester = limited.NewClient();
        for (var i = 0; i < RateLimitedApp.Limit; i++)
        {
            (await harvester.GetAsync(RdapEndpoints.DomainPath + $"guess-{i}.example")).Dispose();
        }

        using var refused = await harvester.GetAsync(RdapEndpoints.DomainPath + "morgandaughters.example");
        using var someoneElse = await limited.NewClient().GetAsync(RdapEndpoints.DomainPath + "morgandaughters.example");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/rdap+json", refused.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, json.GetProperty("errorCode").GetInt32());
        Assert.Contains("Try again in", json.GetProperty("description")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, someoneElse.StatusCode);
    }
}
