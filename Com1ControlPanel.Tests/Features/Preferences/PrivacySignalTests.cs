using System.Net;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Features.Preferences;

/// <summary>Global Privacy Control: Sec-GPC: 1 from a signed-in customer's browser turns off everything that goes to partners.</summary>
public sealed class PrivacySignalTests(PanelAppFactory app) : IClassFixture<PanelAppFactory>
{
    private async Task<(HttpClient Client, string CustomerId)> SignedInCustomerAsync()
    {
        var email = $"gpc-{Guid.NewGuid():N}"[..14] + "@example.com";
        var customer = await TestCustomers.CreateAsync(app.Services, email, "Gina Signal");
        var client = app.CreateClient();
        using var signIn = await FormPost.SignInAsync(client, email, TestCustomers.Password);
        return (client, customer.Id);
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
        var (client, id) = await SignedInCustomerAsync();

        using var response = await LoadPageAsync(client, "/preferences", signal: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Global Privacy Control", await response.Content.ReadAsStringAsync());
        var positions = await PositionsAsync(id);
        Assert.All(ConsentKey.SharedWithPartners, key => Assert.False(positions[key], key.Label));
        Assert.True(positions[new(MarketingPurpose.ComProducts, ContactChannel.Email)]);
        Assert.True(positions[new(MarketingPurpose.UsageStatistics, ContactChannel.None)]);
        Assert.Equal(ConsentKey.SharedWithPartners.Count, await SignalRecordsAsync(id));
    }

    [Fact]
    public async Task Without_the_signal_nothing_changes()
    {
        var (client, id) = await SignedInCustomerAsync();

        using var response = await LoadPageAsync(client, "/", signal: false);

        Assert.All(await PositionsAsync(id), p => Assert.True(p.Value));
        Assert.Equal(0, await SignalRecordsAsync(id));
    }

    [Fact]
    public async Task Honouring_the_signal_again_on_every_page_load_adds_no_records()
    {
        var (client, id) = await SignedInCustomerAsync();

        (await LoadPageAsync(client, "/", signal: true)).Dispose();
        (await LoadPageAsync(client, "/profile", signal: true)).Dispose();

        Assert.Equal(ConsentKey.SharedWithPartners.Count, await SignalRecordsAsync(id));
    }

    [Fact]
    public async Task A_choice_the_customer_makes_after_the_signal_counts_over_the_signal()
    {
        var (client, id) = await SignedInCustomerAsync();
        (await LoadPageAsync(client, "/", signal: true)).Dispose();
        var sharing = new ConsentKey(MarketingPurpose.PartnerSharing, ContactChannel.None);
        await using (var scope = app.Services.CreateAsyncScope())
        await using (var db = app.CreateDbContext())
        {
            await Task.Delay(10); // the customer's choice comes after the signal was honoured
            await scope.ServiceProvider.GetRequiredService<ConsentLedger>().ApplyAsync(db, id,
                new Dictionary<ConsentKey, bool> { [sharing] = true }, new Actor(id, "Gina Signal", ChangeSource.Customer));
            await db.SaveChangesAsync();
        }

        (await LoadPageAsync(client, "/", signal: true)).Dispose();

        Assert.True((await PositionsAsync(id))[sharing]);
    }

    [Fact]
    public async Task The_site_publishes_that_it_honours_the_signal()
    {
        using var client = app.CreateClient();
        var json = await client.GetStringAsync("/.well-known/gpc.json");

        Assert.Contains("\"gpc\":true", json.Replace(" ", ""));
    }
}
