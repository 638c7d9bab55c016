using System.Net;
using Com1ControlPanel.Data.DemoData;
using Com1ControlPanel.Features.Preferences;

namespace Com1ControlPanel.Tests.Features.Announcements;

public sealed class ContactListEndpointTests(PanelApp app) : IClassFixture<PanelApp>
{
    private Task<HttpClient> SignedInAsync(string email) => app.Client().SignedInAsync(email, DemoAccounts.Password);

    /// <summary>A new US customer (everything allowed, as registration starts them) with some switches then turned off.</summary>
    private Task<TestCustomer> CustomerAsync(string fullName, params ConsentKey[] turnedOff) =>
        app.Customers.NewAsync(fullName, refuses: turnedOff);

    [Fact]
    public async Task An_admin_downloads_a_call_list_of_only_the_customers_who_allow_calls_about_the_topic()
    {
        var caller = await CustomerAsync("Carla Caller");
        var refuser = await CustomerAsync("Rita Refuser", new ConsentKey(MarketingPurpose.PartnerOffers, ContactChannel.Phone));
        var emailOnly = await CustomerAsync("Otto Other", new ConsentKey(MarketingPurpose.PartnerOffers, ContactChannel.Phone),
            new ConsentKey(MarketingPurpose.PartnerOffers, ContactChannel.PostalMail));
        using var client = await SignedInAsync("admin@com1.test");

        using var response = await client.GetAsync("/admin/announcements/lists/PartnerOffers/Phone.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Customer number,Name,Company,Phone,Mobile phone,Country", lines[0]);
        // A phone number starts with +, which a spreadsheet would read as a formula: it is escaped like any other text.
        Assert.Contains($"{caller.CustomerNumber},Carla Caller,,\"'+14155550100\",,US", lines);
        Assert.DoesNotContain(lines, l => l.Contains(refuser.CustomerNumber) || l.Contains(emailOnly.CustomerNumber));
    }

    [Fact]
    public async Task A_call_list_is_named_for_its_topic_and_day_and_leaves_out_customers_without_a_phone_number()
    {
        var noPhone = await app.Customers.NewAsync("Nora Nophone", with: c => (c.Phone, c.MobilePhone) = (null, null));
        var mobileOnly = await app.Customers.NewAsync("Mo Mobile", with: c => (c.Phone, c.MobilePhone) = (null, "+14155550177"));
        using var client = await SignedInAsync("admin@com1.test");

        using var response = await client.GetAsync("/admin/announcements/lists/ComProducts/Phone.csv");

        var today = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        Assert.Equal($"com1-products-call-list-{today:yyyy-MM-dd}.csv",
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(noPhone.CustomerNumber, csv);
        Assert.Contains($"{mobileOnly.CustomerNumber},Mo Mobile,,,\"'+14155550177\",US", csv);
    }

    [Fact]
    public async Task A_mailing_list_is_named_for_its_topic_and_day_without_a_doubled_prefix()
    {
        using var client = await SignedInAsync("admin@com1.test");

        using var response = await client.GetAsync("/admin/announcements/lists/PartnerOffers/PostalMail.csv");

        var today = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        Assert.Equal($"com1-partner-offers-mailing-list-{today:yyyy-MM-dd}.csv",
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task A_mailing_list_follows_the_postal_switch_at_the_moment_of_download()
    {
        var customer = await CustomerAsync("Paula Post");
        using var client = await SignedInAsync("admin@com1.test");
        const string path = "/admin/announcements/lists/ComProducts/PostalMail.csv";

        var before = await client.GetStringAsync(path);
        await CustomerAsync("Unrelated Person");
        using (var paula = app.As(customer.Principal))
        {
            await paula.Get<ConsentService>().SetAsync(new(MarketingPurpose.ComProducts, ContactChannel.PostalMail), false);
        }
        var after = await client.GetStringAsync(path);

        Assert.StartsWith("Customer number,Name,Company,Street,City,State or region,Postal code,Country\r\n", before);
        Assert.Contains($"{customer.CustomerNumber},Paula Post,,1 Test Street,San Francisco,CA,94102,US", before);
        Assert.DoesNotContain(customer.CustomerNumber, after);
    }

    [Fact]
    public async Task A_name_typed_as_a_spreadsheet_formula_is_written_as_text()
    {
        var customer = await CustomerAsync("=HYPERLINK(\"https://evil.example\",\"Click\")");
        using var client = await SignedInAsync("admin@com1.test");

        var csv = await client.GetStringAsync("/admin/announcements/lists/ComProducts/Phone.csv");

        var line = Assert.Single(csv.Split("\r\n"), l => l.StartsWith(customer.CustomerNumber, StringComparison.Ordinal));
        Assert.Contains(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Click\"\")\",", line);
    }

    [Theory]
    [InlineData("alice@example.com")]
    [InlineData("agent@com1.test")]
    [InlineData("billing@com1.test")]
    [InlineData("compliance@com1.test")]
    public async Task Anyone_but_an_admin_is_refused_the_list(string email)
    {
        using var client = await SignedInAsync(email);

        using var response = await client.GetAsync("/admin/announcements/lists/ComProducts/Phone.csv");

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"Got {response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Equal("/Account/AccessDenied", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
        }
        Assert.DoesNotContain("Customer number", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_is_sent_to_sign_in()
    {
        using var client = app.Client();

        using var response = await client.GetAsync("/admin/announcements/lists/ComProducts/Phone.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
    }

    [Theory]
    [InlineData("Spam", "Phone")]
    [InlineData("PartnerSharing", "Phone")]
    [InlineData("UsageStatistics", "PostalMail")]
    [InlineData("ComProducts", "Email")]
    [InlineData("ComProducts", "Fax")]
    [InlineData("ComProducts", "None")]
    [InlineData("0", "2")]
    public async Task An_unknown_topic_or_channel_is_refused_with_a_clear_message(string topic, string channel)
    {
        using var client = await SignedInAsync("admin@com1.test");

        using var response = await client.GetAsync($"/admin/announcements/lists/{topic}/{channel}.csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is no such list.", body);
        Assert.Contains("ComProducts and PartnerOffers", body);
        Assert.DoesNotContain("Customer number", body);
    }
}
