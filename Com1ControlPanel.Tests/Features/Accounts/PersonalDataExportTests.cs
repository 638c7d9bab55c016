using System.Net;
using System.Text.Json;
using Com1ControlPanel.Data.DemoData;

namespace Com1ControlPanel.Tests.Features.Accounts;

public sealed class PersonalDataExportTests(PanelApp app) : IClassFixture<PanelApp>
{
    private const string DownloadPath = "/Account/Manage/DownloadPersonalData";

    private async Task<(HttpStatusCode Status, string Body)> DownloadAsAsync(string email)
    {
        using var client = await app.Client().SignedInAsync(email, DemoAccounts.Password);
        using var download = await client.PostFormAsync(DownloadPath, tokenFrom: "/Account/Manage/PersonalData");
        return (download.StatusCode, await download.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_customer_downloads_their_own_data_and_nothing_of_anyone_else()
    {
        var (status, body) = await DownloadAsAsync("alice@example.com");

        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("1200 Market Street", json.RootElement.GetProperty("Customer").GetProperty("Street").GetString());
        Assert.NotEmpty(json.RootElement.GetProperty("ProfileChanges").EnumerateArray());
        Assert.DoesNotContain("Hauptstraße", body);
        Assert.DoesNotContain("bob@example.com", body);
    }

    [Fact]
    public async Task The_download_holds_no_secrets()
    {
        var (_, body) = await DownloadAsAsync("alice@example.com");

        Assert.DoesNotContain("PasswordHash", body);
        Assert.DoesNotContain("SecurityStamp", body);
        Assert.DoesNotContain("Authenticator", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("HtmlBody", body);
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_is_sent_to_sign_in_by_the_endpoints_authorization()
    {
        // A well-formed post, antiforgery token and all, so nothing but the endpoint's authorization can refuse it.
        using var client = app.Client();

        using var response = await client.PostFormAsync(DownloadPath, tokenFrom: "/Account/Login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
        Assert.DoesNotContain("Customer", await response.Content.ReadAsStringAsync());
    }
}
