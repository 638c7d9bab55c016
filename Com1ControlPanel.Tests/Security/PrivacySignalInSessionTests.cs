using Com1ControlPanel.Features.Cookies;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Features.UsageStatistics;
using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Issue 9, item 3: during a support session the browser is the agent's. Its Global Privacy Control signal never changes
/// the customer's consent, its page views are not the customer's usage statistics, and an expired session is stopped on
/// every path, with or without a dot in it.
/// </summary>
public sealed class PrivacySignalInSessionTests(ClockedSupportApp support) : IClassFixture<ClockedSupportApp>
{
    private static async Task<HttpResponseMessage> LoadWithSignalAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept", "text/html");
        request.Headers.Add("Sec-Fetch-Dest", "document");
        request.Headers.Add("Sec-GPC", "1");
        return await client.SendAsync(request);
    }

    private async Task<(int Allowed, int SignalRecords)> PartnerChoicesAsync(string customerId)
    {
        await using var db = support.CreateDbContext();
        var partner = new[] { MarketingPurpose.PartnerOffers, MarketingPurpose.PartnerSharing };
        return (await db.ConsentStates.CountAsync(s => s.CustomerId == customerId && s.Granted && partner.Contains(s.Purpose)),
            await db.ConsentRecords.CountAsync(r => r.CustomerId == customerId && r.Source == ChangeSource.BrowserPrivacySignal));
    }

    [Fact]
    public async Task The_agents_privacy_signal_changes_nothing_of_the_customers_consent()
    {
        var session = await support.StartSupportSessionAsync();
        var before = await PartnerChoicesAsync(session.Customer.Id);
        Assert.True(before.Allowed > 0, "The test customer starts with partner choices allowed.");

        using var page = await LoadWithSignalAsync(session.AgentBrowser, "/preferences");

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("privacy-signal-honoured", await page.Content.ReadAsStringAsync());
        Assert.Equal(before, await PartnerChoicesAsync(session.Customer.Id));
    }

    [Theory]
    [InlineData("/profile.x")]
    [InlineData("/preferences.json")]
    [InlineData("/notes.txt")]
    public async Task After_the_session_ran_out_a_path_with_a_dot_is_refused_and_the_signal_changes_nothing(string path)
    {
        var session = await support.StartSupportSessionAsync();
        var before = await PartnerChoicesAsync(session.Customer.Id);
        // The shared clock only moves forward; every test starts a session of its own from wherever it stands.
        support.Clock.Advance(TimeSpan.FromMinutes(16));

        using var response = await LoadWithSignalAsync(support.Replaying(session.SessionCookie), path);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before, await PartnerChoicesAsync(session.Customer.Id));
    }

    [Fact]
    public async Task The_files_the_panel_serves_as_static_assets_still_load_without_a_session_check()
    {
        var session = await support.StartSupportSessionAsync();
        support.Clock.Advance(TimeSpan.FromMinutes(16));

        using var script = await support.Replaying(session.SessionCookie).GetAsync("/_framework/blazor.web.js");

        Assert.Equal(System.Net.HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task Page_views_in_a_session_are_not_counted_as_the_customers_while_the_customers_own_are()
    {
        // A customer who allowed usage statistics themselves: their own visits are counted.
        var counted = await support.Customers.NewAsync("Cora Counted", startingChoices: false,
            allows: [new ConsentKey(MarketingPurpose.UsageStatistics, ContactChannel.None)]);
        var session = await support.StartSupportSessionAsync(customer: counted);
        var counter = support.Get<UsageCounter>();
        // Counting needs the customer's own yes on the cookie banner; an agent's browser is never counted.
        await support.Get<CookieConsent>().AnswerAsync(session.Customer.Id, "Customer", CookieAnswer.AllowStatistics);

        var inSession = await ViewsOfAsync(counter, () => LoadAsync(session.AgentBrowser, "/access"));
        var customer = await support.Client().SignedInAsync(session.Customer.Email);
        var ownVisit = await ViewsOfAsync(counter, () => LoadAsync(customer, "/access"));

        Assert.Equal((0, 1), (inSession, ownVisit));
    }

    private static async Task LoadAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept", "text/html");
        using var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>How many views of /access the load added, counted in the database after flushing.</summary>
    private async Task<int> ViewsOfAsync(UsageCounter counter, Func<Task> load)
    {
        await counter.FlushAsync();
        var before = await StoredViewsAsync();
        await load();
        await counter.FlushAsync();
        return await StoredViewsAsync() - before;
    }

    private async Task<int> StoredViewsAsync()
    {
        await using var db = support.CreateDbContext();
        return await db.PageViewCounts.Where(c => c.Page == "/access").SumAsync(c => c.Views);
    }
}
