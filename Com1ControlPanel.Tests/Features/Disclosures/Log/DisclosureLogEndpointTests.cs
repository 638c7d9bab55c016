using System.Net;
using System.Text.Json;
using Com1ControlPanel.Data.DemoData;
using static Com1ControlPanel.Tests.Kit.TestDisclosures;

namespace Com1ControlPanel.Tests.Features.Disclosures.Log;

public sealed class DisclosureLogEndpointTests(PanelApp app) : IClassFixture<PanelApp>
{
    private Task<HttpClient> SignedInAsync(string email, string password = DemoAccounts.Password) =>
        app.Client().SignedInAsync(email, password);

    private async Task<string> IdOfAsync(string email)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task Alice_downloads_her_log_as_csv_in_the_pages_words_with_the_hashes_and_without_the_delayed_entry()
    {
        using var client = await SignedInAsync("alice@example.com");

        using var response = await client.GetAsync("/disclosures/export.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^com1-disclosures-\d{4}-\d{2}-\d{2}\.csv$", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Entry,When it was shared,Who received it,Kind of recipient,Why,What was shared,Description,Reference,"
            + "How you were told,Corrects,Recorded on,Recorded by,Added to your log,Hash of the entry before it,Hash (SHA-256)", lines[0]);
        Assert.Equal(4, lines.Length);
        var court = Assert.Single(lines, l => l.StartsWith("3,\"2 Jun 2025, 14:00 UTC\",\"Superior Court of California, County of San Francisco\",", StringComparison.Ordinal));
        Assert.Contains(",Court or other legal process,Required by law or legal process,\"Name, Choice of services, Customer logs\",", court);
        Assert.Contains(",\"2 Jun 2025, 17:00 UTC\",Com 1 compliance (Morgan Lee),", court);
        Assert.Contains("We told you by email and in your panel on 2 Jun 2025, 18:00 UTC.", court);
        Assert.Contains(lines, l => l.StartsWith("1,\"15 Mar 2019, 10:00 UTC\",Public .example domain registry,Domain registry,", StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.Matches(",[0-9a-f]{64},[0-9a-f]{64}$", l));
        // Internal ids stay in the JSON export, which is the one for verifying.
        var (complianceId, aliceId) = (await IdOfAsync("compliance@com1.test"), await IdOfAsync("alice@example.com"));
        Assert.DoesNotContain(lines, l => l.Contains(complianceId, StringComparison.Ordinal) || l.Contains(aliceId, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Metro Police", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_json_export_verifies_offline_and_holds_only_the_signed_in_customers_entries()
    {
        using var client = await SignedInAsync("alice@example.com");
        var aliceId = await IdOfAsync("alice@example.com");

        using var json = JsonDocument.Parse(await client.GetStringAsync("/disclosures/export.json"));

        var root = json.RootElement;
        var entries = root.GetProperty("entries").EnumerateArray()
            .Select(e => e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetRawText() : p.Value.GetString()!))
            .ToList();
        Assert.Equal(aliceId, root.GetProperty("customer").GetString());
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal(aliceId, e["customer"]));
        Assert.All(entries, e => Assert.Equal(e["hash"], LogTestData.OfflineHash(e)));
        Assert.Equal(entries[^1]["hash"], root.GetProperty("headHash").GetString());
        Assert.DoesNotContain("Metro Police", json.RootElement.GetRawText());
    }

    [Fact]
    public async Task Bob_downloads_only_his_own_log()
    {
        using var client = await SignedInAsync("bob@example.com");
        var bobId = await IdOfAsync("bob@example.com");

        var csv = await client.GetStringAsync("/disclosures/export.csv");
        using var json = JsonDocument.Parse(await client.GetStringAsync("/disclosures/export.json"));

        Assert.Single(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("Nexa", csv);
        Assert.Equal(bobId, json.RootElement.GetProperty("customer").GetString());
        Assert.Empty(json.RootElement.GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task Text_that_a_spreadsheet_would_run_is_escaped_in_the_csv()
    {
        var customer = await app.Customers.NewAsync("Frank Formula");
        await app.Disclosures.RecordAsync(NewDisclosure("@SUM(A1:A9)", description: "=HYPERLINK(\"https://evil.example\",\"Click\")",
            reference: "-2+3"), customer.Id);
        using var client = await SignedInAsync(customer.Email, customer.Password);

        var csv = await client.GetStringAsync("/disclosures/export.csv");

        var row = csv.Split("\r\n")[1];
        Assert.Contains(",\"'@SUM(A1:A9)\",", row);
        Assert.Contains(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Click\"\")\",", row);
        Assert.Contains(",\"'-2+3\",", row);
    }

    [Theory]
    [InlineData("agent@com1.test", "/disclosures")]
    [InlineData("compliance@com1.test", "/disclosures")]
    [InlineData("billing@com1.test", "/disclosures")]
    [InlineData("admin@com1.test", "/disclosures")]
    [InlineData("agent@com1.test", "/disclosures/export.csv")]
    [InlineData("compliance@com1.test", "/disclosures/export.csv")]
    [InlineData("agent@com1.test", "/disclosures/export.json")]
    [InlineData("compliance@com1.test", "/disclosures/export.json")]
    public async Task Staff_are_refused_the_customers_log_page_and_exports(string email, string path)
    {
        using var client = await SignedInAsync(email);

        using var response = await client.GetAsync(path);

        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Equal("/Account/AccessDenied", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || body.Contains("You don't have access to this page"),
                $"Got {response.StatusCode}");
        }
        Assert.DoesNotContain("Superior Court", body);
        Assert.DoesNotContain("Hash of the entry before it", body);
    }

    [Theory]
    [InlineData("/disclosures")]
    [InlineData("/disclosures/export.csv")]
    [InlineData("/disclosures/export.json")]
    public async Task A_visitor_who_is_not_signed_in_is_sent_to_sign_in(string path)
    {
        using var client = app.Client();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Alice_sees_her_timeline_on_the_page_but_not_the_delayed_entry()
    {
        using var client = await SignedInAsync("alice@example.com");

        var html = await client.GetStringAsync("/disclosures");

        Assert.Contains("Superior Court of California, County of San Francisco", html);
        Assert.Contains("Nexa Web Partners Ltd", html);
        Assert.Contains("Public .example domain registry", html);
        Assert.DoesNotContain("Metro Police", html);
        Assert.DoesNotContain("Warrant 2026-SW-0457", html);
    }
}
