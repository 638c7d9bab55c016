using System.Net;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Tests.Features.Preferences;

/// <summary>Global Privacy Control: Sec-GPC: 1 from a signed-in customer's browser turns off everything that goes to partners.</summary>
public sealed class PrivacySignalTests(PanelApp app) : IClassFixture<PanelApp>
{
    /// <summary>Everything that goes to partners: their offers on every channel, and sharing details with them.</summary>
    private static readonly ConsentKey[] SharedWithPartners =
    [
        new(MarketingPurpose.PartnerOffers, ContactChannel.Email), new(MarketingPurpose.PartnerOffers, ContactChannel.Phone),
        new(MarketingPurpose.PartnerOffers, ContactChannel.PostalMail), new(MarketingPurpose.PartnerSharing, ContactChannel.None),
    ];

    /// <summary>A new US customer (every switch on, as registration leaves it), signed in.</summary>
    private async Task<(HttpClient Client, TestCustomer Customer)> SignedInCustomerAsync()
    {
        var customer = await app.Customers.NewAsync("Gina Signal");
        return (await app.Client().SignedInAsync(customer.Email), customer);
    }

    private static async Task<HttpResponseMessage> LoadPageAsync(HttpClient client, string path, bool signal)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept", "text/html");
        if (signal)
        {
            request.Headers.Add("Sec-GPC", "1");
        }
        return await client.SendAsync(request);
    }

    private async Task<Dictionary<ConsentKey, bool>> PositionsAsync(string customerId)
    {
        await using var db = app.CreateDbContext();
        return await db.ConsentStates.Where(s => s.CustomerId == customerId)
            .ToDictionaryAsync(s => new ConsentKey(s.Purpose, s.Channel), s => s.Granted);
    }

    private async Task<int> SignalRecordsAsync(string customerId)
    {
        await using var db = app.CreateDbContext();
        return await db.ConsentRecords.CountAsync(r => r.CustomerId == customerId && r.Source == ChangeSource.BrowserPrivacySignal);
    }

    [Fact]
    public async Task The_signal_turns_off_partner_offers_and_sharing_and_leaves_com1s_own_news_alone()
    {
        var (client, customer) = await SignedInCustomerAsync();
        var id = customer.Id;

        using var response = await LoadPageAsync(client, "/preferences", signal: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Global Privacy Control", await response.Content.ReadAsStringAsync());
        var positions = await PositionsAsync(id);
        Assert.All(SharedWithPartners, key => Assert.False(positions[key], key.Label));
        Assert.True(positions[new(MarketingPurpose.ComProducts, ContactChannel.Email)]);
        Assert.True(positions[new(MarketingPurpose.UsageStatistics, ContactChannel.None)]);
        Assert.Equal(SharedWithPartners.Length, await SignalRecordsAsync(id));
    }

    [Fact]
    public async Task Without_the_signal_nothing_changes()
    {
        var (client, customer) = await SignedInCustomerAsync();
        var id = customer.Id;

        using var response = await LoadPageAsync(client, "/", signal: false);

        Assert.All(await PositionsAsync(id), p => Assert.True(p.Value));
        Assert.Equal(0, await SignalRecordsAsync(id));
    }

    [Fact]
    public async Task Honouring_the_signal_again_on_every_page_load_adds_no_records()
    {
        var (client, customer) = await SignedInCustomerAsync();
        var id = customer.Id;

        (await LoadPageAsync(client, "/", signal: true)).Dispose();
        (await LoadPageAsync(client, "/profile", signal: true)).Dispose();

        Assert.Equal(SharedWithPartners.Length, await SignalRecordsAsync(id));
    }

    [Fact]
    public async Task A_choice_the_customer_makes_after_the_signal_counts_over_the_signal()
    {
        var (client, customer) = await SignedInCustomerAsync();
        var id = customer.Id;
        (await LoadPageAsync(client, "/", signal: true)).Dispose();
        var sharing = new ConsentKey(MarketingPurpose.PartnerSharing, ContactChannel.None);
        await Task.Delay(10); // the customer's choice comes after the signal was honoured
        using (var own = app.As(customer.Principal))
        {
            await own.Get<ConsentService>().SetAsync(sharing, true);
        }

        (await LoadPageAsync(client, "/", signal: true)).Dispose();

        Assert.True((await PositionsAsync(id))[sharing]);
    }

    [Fact]
    public async Task The_site_publishes_that_it_honours_the_signal()
    {
        using var client = app.Client();
        var json = await client.GetStringAsync("/.well-known/gpc.json");

        Assert.Contains("\"gpc\":true", json.Replace(" ", ""));
    }
}
