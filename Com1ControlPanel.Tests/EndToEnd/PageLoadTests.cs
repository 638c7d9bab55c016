using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class PageLoadTests(BrowserApp app, DebianChromium chromium)
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    public async Task A_page_loads_all_its_scripts_and_styles_without_errors_or_policy_violations(string path)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress);
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // WebAuthn refuses IP-address origins, and the test server is 127.0.0.1: the passkey autofill's
            // complaint about it says nothing about the page.
            if (message.Type == "error" && !message.Text.Contains("invalid domain", StringComparison.Ordinal))
            {
                problems.Add($"console: {message.Text}");
            }
        };
        page.RequestFailed += (_, request) => problems.Add($"failed: {request.Url}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status}: {response.Url}");
            }
        };

        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.Blazor === 'object'"), "blazor.web.js did not run.");
    }
}
