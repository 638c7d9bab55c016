using System.Net;
using Com1ControlPanel.Features.Cookies;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Features.Cookies;

/// <summary>
/// The cookie banner asks every visitor who has not answered, signed in or not, on server-rendered and live pages; the
/// answer of a visitor is an essential cookie, a customer's is one consent record from the cookie banner; until then no
/// statistics cookie; a browser privacy signal counts as "Essential only"; staff and support sessions are never asked.
/// </summary>
public sealed class CookieChoiceTests(SupportApp app) : IClassFixture<SupportApp>
{
    private static readonly ConsentKey Statistics = new(MarketingPurpose.UsageStatistics, ContactChannel.None);

    private static async Task<(HttpResponseMessage Response, string Html)> LoadAsync(HttpClient client, string path, bool privacySignal = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept", "text/html");
        if (privacySignal)
        {
            request.Headers.Add("Sec-GPC", "1");
        }
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static IReadOnlyList<string> CookiesSet(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? [.. cookies.Where(c => !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)).Select(c => c.Split('=')[0])]
            : [];

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient client, string choice, string from = "/Account/Login") =>
        client.PostFormAsync(CookieEndpoints.ChoicePath, new Dictionary<string, string> { ["choice"] = choice, ["returnUrl"] = from }, from);

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/privacy")]
    [InlineData("/cookies")]
    public async Task A_visitor_who_has_not_answered_sees_the_banner_with_both_answers_and_the_cookie_list(string path)
    {
        using var client = app.Client();

        var (_, html) = await LoadAsync(client, path);

        Assert.Contains("id=\"cookie-banner\"", html);
        Assert.Contains(">Essential only</button>", html);
        Assert.Contains(">Allow usage statistics</button>", html);
        Assert.Contains("href=\"cookies\"", html);
        Assert.DoesNotContain("id=\"cookie-banner-signal\"", html);
    }

    [Fact]
    public async Task Essential_only_keeps_the_answer_in_an_essential_cookie_and_sets_no_statistics_cookie()
    {
        using var client = app.Client();

        using var answered = await AnswerAsync(client, "essential");
        var (page, html) = await LoadAsync(client, "/Account/Login");

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal("/Account/Login", answered.Headers.Location?.OriginalString);
        Assert.Contains(answered.Headers.GetValues("Set-Cookie"), c => c.StartsWith("com1-cookies=essential;", StringComparison.Ordinal));
        Assert.DoesNotContain(CookieRegistry.UsageStatistics.Name, CookiesSet(page));
        Assert.DoesNotContain("id=\"cookie-banner\"", html);
    }

    [Fact]
    public async Task Allowing_usage_statistics_brings_the_statistics_cookie_on_the_next_page()
    {
        using var client = app.Client();
        var (before, _) = await LoadAsync(client, "/Account/Login");

        using (await AnswerAsync(client, "statistics"))
        {
        }
        var (after, html) = await LoadAsync(client, "/Account/Login");

        Assert.DoesNotContain(CookieRegistry.UsageStatistics.Name, CookiesSet(before));
        Assert.Contains(CookieRegistry.UsageStatistics.Name, CookiesSet(after));
        Assert.DoesNotContain("id=\"cookie-banner\"", html);
    }

    [Fact]
    public async Task The_browser_privacy_signal_counts_as_essential_only_and_the_banner_says_so()
    {
        using var client = app.Client();
        client.DefaultRequestHeaders.Add("Cookie", $"{CookieRegistry.UsageStatistics.Name}=OLD");

        var (response, html) = await LoadAsync(client, "/Account/Login", privacySignal: true);

        Assert.Contains("id=\"cookie-banner-signal\"", html);
        Assert.Contains("Global Privacy Control", html);
        Assert.DoesNotContain(CookieRegistry.UsageStatistics.Name, CookiesSet(response));
    }

    [Fact]
    public async Task A_customers_answer_is_one_consent_record_from_the_cookie_banner_with_the_policy_version()
    {
        var customer = await app.Customers.NewAsync("Cody Cookie", country: "US");
        using var client = await app.Client().SignedInAsync(customer.Email);
        var (_, before) = await LoadAsync(client, "/preferences");

        using (await AnswerAsync(client, "essential", "/preferences"))
        {
        }
        var (after, html) = await LoadAsync(client, "/preferences");

        Assert.Contains("id=\"cookie-banner\"", before);
        Assert.DoesNotContain("id=\"cookie-banner\"", html);
        Assert.DoesNotContain(CookieRegistry.UsageStatistics.Name, CookiesSet(after));
        await using var db = app.CreateDbContext();
        var record = await db.ConsentRecords.Where(r => r.CustomerId == customer.Id && r.Source == ChangeSource.CookieBanner).SingleAsync();
        Assert.Equal((Statistics.Purpose, false, customer.Id, "2026-11"), (record.Purpose, record.NewGranted, record.ActorUserId, record.PolicyVersion));
        Assert.False((await db.ConsentStates.SingleAsync(s => s.CustomerId == customer.Id && s.Purpose == Statistics.Purpose)).Granted);
    }

    [Fact]
    public async Task A_customer_who_allows_statistics_in_the_banner_is_recorded_even_where_the_switch_already_stood_on()
    {
        var customer = await app.Customers.NewAsync("Ula Us", country: "US");
        using var client = await app.Client().SignedInAsync(customer.Email);

        using (await AnswerAsync(client, "statistics", "/preferences"))
        {
        }
        var (after, _) = await LoadAsync(client, "/preferences");

        Assert.Contains(CookieRegistry.UsageStatistics.Name, CookiesSet(after));
        await using var db = app.CreateDbContext();
        var record = await db.ConsentRecords.SingleAsync(r => r.CustomerId == customer.Id && r.Source == ChangeSource.CookieBanner);
        Assert.Equal((true, true), (record.OldGranted, record.NewGranted));
    }

    [Theory]
    [InlineData(Roles.SupportAgent)]
    [InlineData(Roles.Billing)]
    [InlineData(Roles.ComplianceOfficer)]
    [InlineData(Roles.Admin)]
    public async Task Staff_are_never_counted_so_never_asked(string role)
    {
        var staff = await app.Staff.NewAsync(role);
        using var client = await app.Client().SignedInAsync(staff.Email);

        var (response, html) = await LoadAsync(client, "/");

        Assert.DoesNotContain("id=\"cookie-banner\"", html);
        Assert.DoesNotContain(CookieRegistry.UsageStatistics.Name, CookiesSet(response));
    }

    [Fact]
    public async Task Support_in_a_session_is_not_asked_and_cannot_answer_for_the_customer()
    {
        var session = await app.StartSupportSessionAsync();
        var (_, html) = await LoadAsync(session.AgentBrowser, "/");

        using var answered = await AnswerAsync(session.AgentBrowser, "statistics", "/");

        Assert.DoesNotContain("id=\"cookie-banner\"", html);
        Assert.Equal(HttpStatusCode.Forbidden, answered.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.ConsentRecords.AnyAsync(r => r.CustomerId == session.Customer.Id && r.Source == ChangeSource.CookieBanner));
        Assert.True(await db.SupportAttempts.AnyAsync(a => a.AgentUserId == session.Agent.Id && a.Refusal == SupportRefusal.ForbiddenDuringSession));
    }

    [Fact]
    public async Task Support_in_a_session_sees_the_policy_notice_without_the_button_and_a_post_is_refused()
    {
        var session = await app.StartSupportSessionAsync();
        var (_, html) = await LoadAsync(session.AgentBrowser, "/");

        using var closed = await session.AgentBrowser.PostFormAsync("/privacy/notice/close",
            new Dictionary<string, string> { ["version"] = "2026-11", ["returnUrl"] = "/" });

        Assert.Contains("id=\"policy-notice-customer-only\"", html);
        Assert.DoesNotContain("id=\"policy-notice-close\"", html);
        Assert.Equal(HttpStatusCode.Forbidden, closed.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.PolicyAcknowledgements.AnyAsync(a => a.CustomerId == session.Customer.Id));
    }

    [Fact]
    public async Task The_cookies_page_lists_every_registered_cookie_without_signing_in()
    {
        using var client = app.Client();

        var (response, html) = await LoadAsync(client, "/cookies");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = WebUtility.HtmlDecode(html);
        Assert.All(CookieRegistry.All, cookie => Assert.Contains($"<code>{cookie.DisplayName}</code>", text));
        Assert.Contains("Needs your consent", html);
    }

    [Fact]
    public async Task An_answer_without_a_valid_choice_changes_nothing()
    {
        using var client = app.Client();

        using var answered = await AnswerAsync(client, "everything");

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.False(answered.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("com1-cookies=", StringComparison.Ordinal)));
    }
}
