using System.Net;
using Com1ControlPanel.Data.DemoData;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Admin;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Features.Support;

/// <summary>Support sessions over HTTP, as browsers and hand-made requests reach the server.</summary>
public sealed class SupportSessionHttpTests : IClassFixture<SupportAppFixture>
{
    private readonly SupportApp support;

    public SupportSessionHttpTests(SupportAppFixture fixture) => support = fixture.Support;

    private Task<HttpClient> AgentAsync() => SupportApp.SignedInAsync(support.Client(), "agent@com1.test", DemoAccounts.Password);

    private async Task<(HttpClient Client, Guid SessionId, string CustomerId)> InAliceAsync() =>
        (await StartInAliceAsync()) is var (client, id, alice, _) ? (client, id, alice) : default;

    /// <summary>Also returns the session's sign-in cookie, as a second browser tab would send it.</summary>
    private async Task<(HttpClient Client, Guid SessionId, string CustomerId, string Cookie)> StartInAliceAsync()
    {
        var alice = await support.UserIdAsync("alice@example.com");
        var client = await AgentAsync();
        using var started = await SupportApp.StartAsync(client, alice);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal("/", started.Headers.Location?.OriginalString);
        var cookie = string.Join("; ", started.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        await using var db = support.CreateDbContext();
        var session = await db.SupportSessions.Where(s => s.CustomerId == alice && s.EndedAt == null).OrderByDescending(s => s.StartedAt).FirstAsync();
        return (client, session.Id, alice, cookie);
    }

    private async Task<int> AttemptsAsync(SupportRefusal refusal)
    {
        await using var db = support.CreateDbContext();
        return await db.SupportAttempts.CountAsync(a => a.Refusal == refusal);
    }

    [Fact]
    public async Task Starting_signs_the_agent_in_to_the_customers_account_with_a_banner_naming_the_agent()
    {
        var (client, _, _) = await InAliceAsync();

        var dashboard = await client.GetStringAsync("/");

        Assert.Contains("Welcome, Alice Morgan", dashboard);
        Assert.Contains("is acting in this account", dashboard);
        Assert.Contains("Dana Reyes", dashboard);
        Assert.DoesNotContain("href=\"Account/Manage\"", dashboard);
    }

    [Theory]
    [InlineData("/Account/Manage")]
    [InlineData("/Account/Manage/ChangePassword")]
    [InlineData("/Account/Manage/TwoFactorAuthentication")]
    [InlineData("/Account/Manage/Passkeys")]
    [InlineData("/Account/Manage/PersonalData")]
    [InlineData("/account/manage/changepassword")]
    [InlineData("/disclosures/export.json")]
    [InlineData("/disclosures/export.csv")]
    [InlineData("/preferences/receipt")]
    public async Task What_stays_with_the_customer_is_refused_during_a_session_and_recorded(string path)
    {
        var (client, _, _) = await InAliceAsync();
        var before = await AttemptsAsync(SupportRefusal.ForbiddenDuringSession);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SupportSessionGuard.NotAllowedPath, response.Headers.Location?.OriginalString);
        Assert.Equal(before + 1, await AttemptsAsync(SupportRefusal.ForbiddenDuringSession));
    }

    [Theory]
    [InlineData("/Account/Manage/DownloadPersonalData")]
    [InlineData("/Account/PasskeyCreationOptions")]
    [InlineData("/Account/Manage/ChangePassword")]
    public async Task Hand_made_posts_to_what_stays_with_the_customer_are_refused(string path)
    {
        var (client, _, _) = await InAliceAsync();

        using var response = await SupportApp.PostAsync(client, path, []);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("stays with the customer", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ending_gives_the_browser_back_to_the_agent_and_closes_the_session()
    {
        var (client, sessionId, _) = await InAliceAsync();

        using var ended = await SupportApp.PostAsync(client, "/support/sessions/end", []);

        Assert.Equal($"/support?ended={sessionId}", ended.Headers.Location?.OriginalString);
        using var console = await client.GetAsync("/support");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.Contains("Support console", await console.Content.ReadAsStringAsync());
        await using var db = support.CreateDbContext();
        var session = await db.SupportSessions.SingleAsync(s => s.Id == sessionId);
        Assert.Equal((SessionEnding.EndedByAgent, await support.UserIdAsync("agent@com1.test")), (session.Ending, session.EndedByUserId));
        Assert.NotNull(session.EndedAt);
    }

    [Fact]
    public async Task A_second_tab_still_holding_the_session_cookie_is_refused_after_the_end_recorded_and_signed_out()
    {
        var (client, sessionId, alice, cookie) = await StartInAliceAsync();
        using (await SupportApp.PostAsync(client, "/support/sessions/end", [])) { }
        var before = await AttemptsAsync(SupportRefusal.SessionEnded);

        var secondTab = support.Client(handleCookies: false);
        secondTab.DefaultRequestHeaders.Add("Cookie", cookie);
        using var response = await secondTab.GetAsync("/profile");

        // The first tab already took the browser back to the agent: the copy is not given a second agent sign-in.
        Assert.Equal("/Account/Login", response.Headers.Location?.OriginalString);
        Assert.Equal(before + 1, await AttemptsAsync(SupportRefusal.SessionEnded));
        await using var db = support.CreateDbContext();
        Assert.DoesNotContain(await db.ProfileChanges.Where(c => c.CustomerId == alice).ToListAsync(), c => c.SupportSessionId == sessionId);
    }

    [Fact]
    public async Task The_session_ends_by_itself_at_its_expiry_on_the_server()
    {
        var (client, sessionId, _) = await InAliceAsync();

        support.Clock.Advance(TimeSpan.FromMinutes(16));
        using var response = await client.GetAsync("/profile");

        Assert.Equal($"/support?ended={sessionId}", response.Headers.Location?.OriginalString);
        await using var db = support.CreateDbContext();
        var session = await db.SupportSessions.SingleAsync(s => s.Id == sessionId);
        Assert.Equal((SessionEnding.Expired, session.ExpiresAt), (session.Ending, session.EndedAt));
        using var console = await client.GetAsync("/support");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
    }

    [Fact]
    public async Task An_administrator_can_end_a_session_at_once_and_only_an_administrator()
    {
        var (client, sessionId, _) = await InAliceAsync();
        await using var scope = support.App.Services.CreateAsyncScope();
        ActiveSupportSessions As(System.Security.Claims.ClaimsPrincipal who) => new(
            scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Com1ControlPanel.Data.AppDbContext>>(),
            SignedIn.User(who), scope.ServiceProvider.GetRequiredService<SupportSessionEnding>(), support.Clock);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As(SupportPrincipals.Agent()).ListAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As(SupportPrincipals.Agent()).EndAsync(sessionId));
        var admin = As(SignedIn.As("admin-x", "Admin", Roles.Admin));
        Assert.Contains(await admin.ListAsync(), s => s.Id == sessionId);

        await admin.EndAsync(sessionId);

        Assert.DoesNotContain(await admin.ListAsync(), s => s.Id == sessionId);
        using var response = await client.GetAsync("/profile");
        Assert.Equal($"/support?ended={sessionId}", response.Headers.Location?.OriginalString);
        var latest = (await admin.RecentAttemptsAsync()).First();
        Assert.Equal(("Dana Reyes", "Alice Morgan", SupportRefusal.SessionEnded), (latest.Agent, latest.Customer, latest.Refusal));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As(SupportPrincipals.Agent()).RecentAttemptsAsync());
        await using var db = support.CreateDbContext();
        Assert.Equal((SessionEnding.EndedByAdmin, "admin-x"), await db.SupportSessions.Where(s => s.Id == sessionId)
            .Select(s => ValueTuple.Create(s.Ending, s.EndedByUserId)).SingleAsync());
    }

    [Theory]
    [InlineData("compliance@com1.test", nameof(SupportRefusal.TargetIsStaff))]
    [InlineData("admin@com1.test", nameof(SupportRefusal.TargetIsStaff))]
    [InlineData("agent@com1.test", nameof(SupportRefusal.OwnAccount))]
    [InlineData("bob@example.com", nameof(SupportRefusal.ApprovalRequired))]
    public async Task Hand_made_starts_for_staff_own_or_unapproved_accounts_are_refused_and_recorded(string email, string refusal)
    {
        var target = await support.UserIdAsync(email);
        var client = await AgentAsync();
        var expected = Enum.Parse<SupportRefusal>(refusal);
        var before = await AttemptsAsync(expected);

        using var response = await SupportApp.StartAsync(client, target);

        Assert.Equal($"/support?customer={target}&refused={refusal}", response.Headers.Location?.OriginalString);
        Assert.Equal(before + 1, await AttemptsAsync(expected));
        await using var db = support.CreateDbContext();
        Assert.False(await db.SupportSessions.AnyAsync(s => s.CustomerId == target && s.EndedAt == null));
        // Still the agent: the console opens.
        using var console = await client.GetAsync("/support");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
    }

    [Theory]
    [InlineData("42", "15")]
    [InlineData("Banana", "15")]
    [InlineData("BillingQuestion", "31")]
    [InlineData("BillingQuestion", "many")]
    public async Task A_start_with_bad_fields_is_refused_and_recorded(string reason, string minutes)
    {
        var alice = await support.UserIdAsync("alice@example.com");
        var client = await AgentAsync();
        var before = await AttemptsAsync(SupportRefusal.InvalidRequest);

        using var response = await SupportApp.StartAsync(client, alice, reason: reason, minutes: minutes);

        Assert.EndsWith("refused=InvalidRequest", response.Headers.Location?.OriginalString);
        Assert.Equal(before + 1, await AttemptsAsync(SupportRefusal.InvalidRequest));
    }

    [Fact]
    public async Task A_customer_posting_to_the_start_endpoint_is_refused_and_recorded()
    {
        var bob = await support.UserIdAsync("bob@example.com");
        var alice = await SupportApp.SignedInAsync(support.Client(), "alice@example.com", DemoAccounts.Password);
        var before = await AttemptsAsync(SupportRefusal.NotAnAgent);

        using var response = await SupportApp.StartAsync(alice, bob);

        Assert.Contains("refused=NotAnAgent", response.Headers.Location?.OriginalString);
        Assert.Equal(before + 1, await AttemptsAsync(SupportRefusal.NotAnAgent));
        Assert.Contains("Welcome, Alice Morgan", await alice.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_start_without_the_antiforgery_token_changes_nothing()
    {
        var alice = await support.UserIdAsync("alice@example.com");
        var client = await AgentAsync();
        await using var before = support.CreateDbContext();
        var sessions = await before.SupportSessions.CountAsync();

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["customerId"] = alice, ["reason"] = "CustomerInitiated", ["ticket"] = "T-1", ["note"] = "x", ["minutes"] = "5",
        });
        using var response = await client.PostAsync("/support/sessions/start", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var after = support.CreateDbContext();
        Assert.Equal(sessions, await after.SupportSessions.CountAsync());
    }

    [Fact]
    public async Task Starting_from_inside_a_session_is_refused()
    {
        var (client, _, _) = await InAliceAsync();
        var bob = await support.UserIdAsync("bob@example.com");

        using var response = await SupportApp.StartAsync(client, bob);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
        await using var db = support.CreateDbContext();
        Assert.False(await db.SupportSessions.AnyAsync(s => s.CustomerId == bob));
        Assert.Contains("Welcome, Alice Morgan", await client.GetStringAsync("/"));
    }
}
