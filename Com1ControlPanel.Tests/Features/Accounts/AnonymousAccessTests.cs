using System.Net;

namespace Com1ControlPanel.Tests.Features.Accounts;

public sealed class AnonymousAccessTests(PanelApp app) : IClassFixture<PanelApp>
{
    [Fact]
    public async Task A_visitor_who_is_not_signed_in_is_sent_from_the_dashboard_to_sign_in()
    {
        using var client = app.Client();
        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(client.BaseAddress!, response.Headers.Location!);
        Assert.Equal("/Account/Login", location.AbsolutePath);
    }

    [Fact]
    public async Task The_sign_in_page_is_open_to_visitors()
    {
        using var client = app.Client();
        using var response = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"login-email\"", await response.Content.ReadAsStringAsync());
    }
}
