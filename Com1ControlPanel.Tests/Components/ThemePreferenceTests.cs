using Com1ControlPanel.Tests.Kit;

namespace Com1ControlPanel.Tests.Components;

/// <summary>
/// The panel starts in the device's light or dark preference until the visitor chooses; the choice is remembered and
/// counts over the device from then on.
/// </summary>
public sealed class ThemePreferenceTests(PanelApp app) : IClassFixture<PanelApp>
{
    private const string DarkBackground = "--mud-palette-background: rgba(15,23,32,1)";
    private const string LightBackground = "--mud-palette-background: rgba(245,247,250,1)";

    private async Task<string> SignInPageAsync(string? hint = null, string? cookie = null)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("Accept", "text/html");
        if (hint is not null)
        {
            request.Headers.Add("Sec-CH-Prefers-Color-Scheme", $"\"{hint}\"");
        }
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        using var response = await client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("dark", DarkBackground)]
    [InlineData("light", LightBackground)]
    public async Task A_first_visit_paints_in_the_devices_preference(string device, string expected)
    {
        Assert.Contains(expected, await SignInPageAsync(hint: device));
    }

    [Fact]
    public async Task A_browser_without_the_client_hint_is_painted_from_what_the_page_noted_of_the_device()
    {
        Assert.Contains(DarkBackground, await SignInPageAsync(cookie: "com1-scheme=dark"));
    }

    [Theory]
    [InlineData("light", "dark", LightBackground)]
    [InlineData("dark", "light", DarkBackground)]
    public async Task The_visitors_own_choice_counts_over_the_device(string chosen, string device, string expected)
    {
        Assert.Contains(expected, await SignInPageAsync(hint: device, cookie: $"com1-theme={chosen}; com1-scheme={device}"));
    }

    [Fact]
    public async Task Pages_ask_for_the_devices_preference_from_the_first_request_on()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("Accept", "text/html");

        using var response = await client.SendAsync(request);

        Assert.Equal("Sec-CH-Prefers-Color-Scheme", Assert.Single(response.Headers.GetValues("Accept-CH")));
        Assert.Equal("Sec-CH-Prefers-Color-Scheme", Assert.Single(response.Headers.GetValues("Critical-CH")));
        Assert.Contains("Sec-CH-Prefers-Color-Scheme", response.Headers.Vary);
    }
}
