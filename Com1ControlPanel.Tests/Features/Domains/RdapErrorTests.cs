using System.Net;
using System.Text.Json;

namespace Com1ControlPanel.Tests.Features.Domains;

/// <summary>Whatever a client asks for, the RDAP service answers with an RDAP error object, never a page or an exception.</summary>
public sealed class RdapErrorTests(PanelApp app) : IClassFixture<PanelApp>
{
    private Task<(HttpResponseMessage Response, string Body, JsonElement Json)> LookUpAsync(string name) => app.RdapLookUpAsync(name);

    [Fact]
    public async Task An_unknown_name_is_404_with_an_rdap_error()
    {
        var (response, _, json) = await LookUpAsync("nobody-registered-this.example");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/rdap+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, json.GetProperty("errorCode").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("title").GetString()));
        Assert.Equal(JsonValueKind.Array, json.GetProperty("description").ValueKind);
    }

    public static TheoryData<string> Malformed => new()
    {
        "", "a..example", "...", ".example", "-lead.example", "trail-.example", "under_score.example", "xn--zz.example",
        "ab--cd.example", "two%20words.example", "%01.example", "a/b/c", new string('a', 64) + ".example",
        string.Join('.', Enumerable.Repeat(new string('b', 63), 5)), new string('c', 5000), "%F0%9F%92%A9%F0%9F%92%A9.example.",
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_name_that_is_not_a_domain_name_is_400_with_an_rdap_error_and_never_an_exception(string name)
    {
        var (response, _, json) = await LookUpAsync(name);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/rdap+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, json.GetProperty("errorCode").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("description")[0].GetString()));
    }
}
