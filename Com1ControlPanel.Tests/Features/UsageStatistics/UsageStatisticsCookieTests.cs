using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Features.UsageStatistics;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Features.UsageStatistics;

/// <summary>
/// The statistics cookie appears only where it is allowed (a signed-in customer who allows it: anonymous visitors have
/// consented to nothing yet), and only allowed visits are counted.
/// </summary>
public sealed class UsageStatisticsCookieTests(PanelAppFactory app) : IClassFixture<PanelAppFactory>
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

    private async Task<HttpClient> SignedInAsync(bool allowsStatistics)
    {
        var email = $"usage-{Guid.NewGuid():N}"[..16] + "@example.com";
        var customer = await TestCustomers.CreateAsync(app.Services, email, "Uma Usage");
        if (!allowsStatistics)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await using var db = app.CreateDbContext();
            await scope.ServiceProvider.GetRequiredService<ConsentLedger>().ApplyAsync(db, customer.Id,
                new Dictionary<ConsentKey, bool> { [new(MarketingPurpose.UsageStatistics, ContactChannel.None)] = false },
                new Actor(customer.Id, "Uma Usage", ChangeSource.Customer));
            await db.SaveChangesAsync();
        }
        var client = app.CreateClient();
        (await FormPost.SignInAsync(client, email, TestCustomers.Password)).Dispose();
        return client;
    }

    [Fact]
    public async Task An_anonymous_visitor_gets_no_statistics_cookie_before_consenting()
    {
        using var client = app.CreateClient();
        using var response = await LoadAsync(client, "/Account/Login");

        Assert.False(SetsStatisticsCookie(response));
    }

    [Fact]
    public async Task An_anonymous_visitor_whose_browser_sends_the_privacy_signal_gets_no_statistics_cookie()
    {
        using var client = app.CreateClient();
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
    public async Task A_customer_who_allows_statistics_gets_the_cookie()
    {
        using var client = await SignedInAsync(allowsStatistics: true);

        using var response = await LoadAsync(client, "/preferences");

        Assert.True(SetsStatisticsCookie(response));
    }

    [Fact]
    public async Task Allowed_visits_are_counted_by_route_and_refused_ones_are_not()
    {
        var counter = app.Services.GetRequiredService<UsageCounter>();
        await counter.FlushAsync();
        var before = await CountAsync("/messages");
        using var allows = await SignedInAsync(allowsStatistics: true);
        using var refuses = await SignedInAsync(allowsStatistics: false);
        using var anonymous = app.CreateClient();

        (await LoadAsync(allows, "/messages")).Dispose();
        (await LoadAsync(refuses, "/messages")).Dispose();
        (await LoadAsync(anonymous, "/Account/ForgotPassword")).Dispose();
        await counter.FlushAsync();

        Assert.Equal((before.Views + 1, before.NewVisitors + 1), await CountAsync("/messages"));
        Assert.Equal((0, 0), await CountAsync("/Account/ForgotPassword"));
    }

    private async Task<(int Views, int NewVisitors)> CountAsync(string page)
    {
        await using var db = app.CreateDbContext();
        var counts = await db.PageViewCounts.Where(c => c.Page == page).ToListAsync();
        return (counts.Sum(c => c.Views), counts.Sum(c => c.NewVisitors));
    }
}
