using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Features.UsageStatistics;

namespace Com1ControlPanel.Tests.Features.UsageStatistics;

/// <summary>
/// The statistics cookie appears only where it is allowed (a visitor or customer who allowed it themselves, in the cookie
/// banner or on their preferences: a new account's starting position is not consent), and only allowed visits are counted.
/// </summary>
public sealed class UsageStatisticsCookieTests(PanelApp app) : IClassFixture<PanelApp>
{
    private static async Task<HttpResponseMessage> LoadAsync(HttpClient client, string path, bool privacySignal = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept", "text/html");
        if (privacySignal)
        {
            request.Headers.Add("Sec-GPC", "1");
        }
        return await client.SendAsync(request);
    }

    private static bool SetsStatisticsCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith($"{UsageStatisticsCookie.CookieName}=", StringComparison.Ordinal)
            && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));

    private static readonly ConsentKey Statistics = new(MarketingPurpose.UsageStatistics, ContactChannel.None);

    /// <summary>A new customer who allowed statistics themselves, or one who turned them off, signed in.</summary>
    private async Task<HttpClient> SignedInAsync(bool allowsStatistics)
    {
        var customer = await app.Customers.NewAsync("Uma Usage", startingChoices: false,
            allows: allowsStatistics ? [Statistics] : [], refuses: allowsStatistics ? [] : [Statistics]);
        return await app.Client().SignedInAsync(customer.Email);
    }

    [Fact]
    public async Task An_anonymous_visitor_gets_no_statistics_cookie_before_consenting()
    {
        using var client = app.Client();
        using var response = await LoadAsync(client, "/Account/Login");

        Assert.False(SetsStatisticsCookie(response));
    }

    [Fact]
    public async Task An_anonymous_visitor_whose_browser_sends_the_privacy_signal_gets_no_statistics_cookie()
    {
        using var client = app.Client();
        using var response = await LoadAsync(client, "/Account/Login", privacySignal: true);

        Assert.False(SetsStatisticsCookie(response));
    }

    [Fact]
    public async Task A_customer_who_turned_statistics_off_gets_no_cookie_and_loses_an_old_one()
    {
        using var client = await SignedInAsync(allowsStatistics: false);
        client.DefaultRequestHeaders.Add("Cookie", $"{UsageStatisticsCookie.CookieName}=OLDVALUE");

        using var response = await LoadAsync(client, "/preferences");

        Assert.False(SetsStatisticsCookie(response));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{UsageStatisticsCookie.CookieName}=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_us_customer_whose_statistics_switch_is_only_the_starting_position_gets_no_cookie()
    {
        // Registration starts every switch on in the US (opt-out for marketing), but a cookie needs the customer's own yes.
        var customer = await app.Customers.NewAsync("Sam Starting", country: "US");
        using var client = await app.Client().SignedInAsync(customer.Email);

        using var response = await LoadAsync(client, "/preferences");

        Assert.False(SetsStatisticsCookie(response));
    }

    [Fact]
    public async Task A_customer_who_allows_statistics_gets_the_cookie()
    {
        using var client = await SignedInAsync(allowsStatistics: true);

        using var response = await LoadAsync(client, "/preferences");

        Assert.True(SetsStatisticsCookie(response));
    }

    [Fact]
    public async Task Allowed_visits_are_counted_by_route_not_by_address_and_refused_ones_are_not()
    {
        const string route = "/status/{Code:int}";
        var counter = app.Services.GetRequiredService<UsageCounter>();
        await counter.FlushAsync();
        var before = await CountAsync(route);
        using var allows = await SignedInAsync(allowsStatistics: true);
        using var refuses = await SignedInAsync(allowsStatistics: false);
        using var anonymous = app.Client();

        // Two addresses of one page: counted as one page, whatever the address says.
        (await LoadAsync(allows, "/status/403")).Dispose();
        (await LoadAsync(allows, "/status/400")).Dispose();
        (await LoadAsync(refuses, "/status/404")).Dispose();
        (await LoadAsync(anonymous, "/status/500")).Dispose();
        (await LoadAsync(anonymous, "/Account/ForgotPassword")).Dispose();
        await counter.FlushAsync();

        Assert.Equal((before.Views + 2, before.NewVisitors + 1), await CountAsync(route));
        Assert.Equal((0, 0), await CountAsync("/status/403"));
        Assert.Equal((0, 0), await CountAsync("/status/400"));
        Assert.Equal((0, 0), await CountAsync("/Account/ForgotPassword"));
    }

    private async Task<(int Views, int NewVisitors)> CountAsync(string page)
    {
        await using var db = app.CreateDbContext();
        var counts = await db.PageViewCounts.Where(c => c.Page == page).ToListAsync();
        return (counts.Sum(c => c.Views), counts.Sum(c => c.NewVisitors));
    }
}
