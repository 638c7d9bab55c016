using System.Net;

namespace Com1ControlPanel.Tests.Infrastructure.Logging;

public sealed class StatusPagesTests(PanelApp app) : IClassFixture<PanelApp>
{
    [Fact]
    public async Task The_health_endpoint_answers_ok_when_the_database_is_reachable()
    {
        using var client = app.Client();
        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_address_answers_404_with_the_friendly_page()
    {
        using var client = app.Client();
        using var response = await client.GetAsync("/this/page/does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html);
        Assert.DoesNotContain("Exception", html);
    }
}
