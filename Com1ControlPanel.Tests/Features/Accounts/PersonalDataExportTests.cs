using System.Net;
using System.Text.Json;
using Com1ControlPanel.Data.DemoData;
using Com1ControlPanel.Features.PersonalData;
using Com1ControlPanel.Features.Support;

namespace Com1ControlPanel.Tests.Features.Accounts;

/// <summary>
/// "Download my data" over HTTP: the page, the form post and who may use them. The app lets agents start sessions after a
/// password sign-in; each test that signs in as a customer makes its own, apart from the read-only look at a demo account.
/// </summary>
public sealed class PersonalDataExportTests(SupportApp app) : IClassFixture<SupportApp>
{
    private const string PagePath = "/Account/Manage/PersonalData";
    private const string DownloadPath = PersonalDataFeature.DownloadPath;

    private async Task<HttpClient> SignedInAsync(TestCustomer customer) => await app.Client().SignedInAsync(customer.Email);

    [Fact]
    public async Task A_customer_downloads_one_json_file_of_their_own_that_no_cache_keeps()
    {
        var customer = await app.Customers.NewAsync("Dora Download");
        using var client = await SignedInAsync(customer);

        using var download = await client.PostFormAsync(DownloadPath, tokenFrom: PagePath);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        // The file says what it is and the day it was made, so a second download never reads as the same file.
        var today = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        Assert.Equal($"com1-personal-data-{today:yyyy-MM-dd}.json",
            download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("no-store", download.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(await download.Content.ReadAsStreamAsync());
        Assert.Equal(ExportCoverage.Format, json.RootElement.GetProperty("format").GetString());
        Assert.Equal(customer.CustomerNumber, json.RootElement.GetProperty("customerNumber").GetString());
        Assert.Equal(customer.Email, json.RootElement.GetProperty("account").GetProperty("email").GetString());
    }

    [Fact]
    public async Task A_demo_customers_file_has_every_section_and_nothing_of_the_other_demo_customer()
    {
        using var client = await app.Client().SignedInAsync("alice@example.com", DemoAccounts.Password);

        using var download = await client.PostFormAsync(DownloadPath, tokenFrom: PagePath);
        var body = await download.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.All(ExportCoverage.Sections, s => Assert.True(json.RootElement.TryGetProperty(s.Name, out _), $"{s.Name} is missing."));
        Assert.Equal("1200 Market Street", json.RootElement.GetProperty("profile").GetProperty("street").GetString());
        Assert.NotEmpty(json.RootElement.GetProperty("profileChanges").EnumerateArray());
        Assert.DoesNotContain("Hauptstraße", body);
        Assert.DoesNotContain("bob@example.com", body);
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_is_sent_to_sign_in_by_the_endpoints_authorization()
    {
        // A well-formed post, antiforgery token and all, so nothing but the endpoint's authorization can refuse it.
        using var client = app.Client();

        using var response = await client.PostFormAsync(DownloadPath, tokenFrom: "/Account/Login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
        Assert.DoesNotContain("customerNumber", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_post_without_the_forms_antiforgery_token_is_refused_and_gives_nothing()
    {
        // What another site's hidden form would send with the customer's cookie.
        var customer = await app.Customers.NewAsync("Fay Forged");
        using var client = await SignedInAsync(customer);

        using var response = await client.PostAsync(DownloadPath, new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(customer.Email, body);
        Assert.DoesNotContain(customer.CustomerNumber, body);
    }

    [Fact]
    public async Task Support_in_a_session_can_neither_download_the_customers_data_nor_see_the_page()
    {
        var session = await app.StartSupportSessionAsync();

        using var download = await session.AgentBrowser.PostFormAsync(DownloadPath);
        using var page = await session.AgentBrowser.GetAsync(PagePath);

        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
        var body = await download.Content.ReadAsStringAsync();
        Assert.DoesNotContain(session.Customer.Email, body);
        Assert.DoesNotContain(session.Customer.CustomerNumber, body);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/support/not-allowed", page.Headers.Location?.OriginalString);
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.SupportAttempts.CountAsync(a => a.CustomerId == session.Customer.Id
            && a.AgentUserId == session.Agent.Id && a.Refusal == SupportRefusal.ForbiddenDuringSession));
    }

    [Fact]
    public async Task The_page_says_what_the_file_holds_and_leaves_out_and_offers_the_download()
    {
        var customer = await app.Customers.NewAsync("Pia Page");
        using var client = await SignedInAsync(customer);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(PagePath));

        Assert.Contains("Download my data", page);
        Assert.Contains("action=\"Account/Manage/DownloadPersonalData\"", page);
        Assert.Contains("<h2", page);
        Assert.Contains("aria-label=\"What the file contains\"", page);
        Assert.Contains("aria-label=\"What the file leaves out\"", page);
        Assert.Contains("What it leaves out, and why", page);
        foreach (var words in new[]
                 {
                     "passkeys", "account data", "account status", "payment card", "domains", "Technical Contact",
                     "marketing and sharing choices", "cookie choice", "disclosure log with its hashes", "support session",
                     "sign-ins", "notifications", "emails", "privacy policy versions", "customer number", "recovery codes",
                     "one-time links", "law delays",
                 })
        {
            Assert.Contains(words, page, StringComparison.OrdinalIgnoreCase);
        }
    }
}
