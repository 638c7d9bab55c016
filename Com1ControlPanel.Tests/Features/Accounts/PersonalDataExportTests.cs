using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Com1ControlPanel.Data.DemoData;
using Com1ControlPanel.Tests.Support;

namespace Com1ControlPanel.Tests.Features.Accounts;

public sealed class PersonalDataExportTests(PanelAppFactory app) : IClassFixture<PanelAppFactory>
{
    private async Task<(HttpStatusCode Status, string Body)> DownloadAsAsync(string email)
    {
        using var client = app.CreateClient();
        using var signIn = await FormPost.SignInAsync(client, email, DemoAccounts.Password);
        var page = await client.GetStringAsync("/Account/Manage/PersonalData");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var download = await client.PostAsync("/Account/Manage/DownloadPersonalData",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
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
    public async Task Without_signing_in_there_is_nothing_to_download()
    {
        using var client = app.CreateNonRedirectingClient();
        using var response = await client.PostAsync("/Account/Manage/DownloadPersonalData", new FormUrlEncodedContent([]));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Customer", await response.Content.ReadAsStringAsync());
    }
}
