using System.Text.Json;
using Com1ControlPanel.Features.Domains.Rdap;

namespace Com1ControlPanel.Tests.Features.Domains;

/// <summary>An RDAP lookup as any client on the internet makes it: no cookies, no sign-in.</summary>
public static class RdapSteps
{
    extension(PanelApp app)
    {
        /// <summary>
        /// The answer; its body as sent followed by every JSON name and string decoded (so no escaping can hide a value from
        /// a test that looks for it); and its JSON.
        /// </summary>
        public async Task<(HttpResponseMessage Response, string Body, JsonElement Json)> RdapLookUpAsync(string name)
        {
            var response = await app.Client(keepCookies: false).GetAsync(RdapEndpoints.DomainPath + name);
            var body = await response.Content.ReadAsStringAsync();
            var json = JsonDocument.Parse(body).RootElement;
            return (response, body + "\n" + string.Join("\n", Strings(json)), json);
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value).Prepend(p.Name)),
        _ => [],
    };
}
