using System.Net;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Admin;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Features.Support;

/// <summary>
/// Support sessions over HTTP, as browsers and hand-made requests reach the server. The app runs on the machine's clock;
/// each test has an agent and customers of its own and knows its session by id.
/// </summary>
public sealed class SupportSessionHttpTests(SupportApp app) : IClassFixture<SupportApp>
{
    private async Task<int> AttemptsAsync(string agentId, SupportRefusal refusal)
    {
        await using var db = app.CreateDbContext();
        return await db.SupportAttempts.CountAsync(a => a.AgentUserId == agentId && a.Refusal == refusal);
    }

    private async Task<HttpClient> AgentAsync(StaffMember? agent = null) =>
        await app.Client().SignedInAsync((agent ?? await app.Staff.NewAgentAsync()).Email);

    [Fact]
    public async Task Starting_signs_the_agent_in_to_the_customers_account_with_a_banner_naming_the_agent()
    {
        var session = await app.StartSupportSessionAsync();

        var dashboard = await session.AgentBrowser.GetStringAsync("/");

        Assert.Contains($"Welcome, {session.Customer.FullName}", dashboard);
        Assert.Contains("is acting in this account", dashboard);
        Assert.Contains(session.Agent.Name, dashboard);
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
    [InlineData("/help/new")]
    public async Task What_stays_with_the_customer_is_refused_during_a_session_and_recorded(string path)
    {
        var session = await app.StartSupportSessionAsync();

        using var response = await session.AgentBrowser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/support/not-allowed", response.Headers.Location?.OriginalString);
        Assert.Equal(1, await AttemptsAsync(session.Agent.Id, SupportRefusal.ForbiddenDuringSession));
    }

    [Theory]
    [InlineData("/Account/Manage/DownloadPersonalData")]
    [InlineData("/Account/PasskeyCreationOptions")]
    [InlineData("/Account/Manage/ChangePassword")]
    public async Task Hand_made_posts_to_what_stays_with_the_customer_are_refused(string path)
    {
        var session = await app.StartSupportSessionAsync();

        using var response = await session.AgentBrowser.PostFormAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("stays with the customer", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ending_gives_the_browser_back_to_the_agent_and_closes_the_session()
    {
        var session = await app.StartSupportSessionAsync();

        using var ended = await session.AgentBrowser.EndSupportSessionAsync();

        Assert.Equal($"/support?ended={session.SessionId}", ended.Headers.Location?.OriginalString);
        using var console = await session.AgentBrowser.GetAsync("/support");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.Contains("Support console", await console.Content.ReadAsStringAsync());
        await using var db = app.CreateDbContext();
        var stored = await db.SupportSessions.SingleAsync(s => s.Id == session.SessionId);
        Assert.Equal((SessionEnding.EndedByAgent, session.Agent.Id), (stored.Ending, stored.EndedByUserId));
        Assert.NotNull(stored.EndedAt);
    }

    [Fact]
    public async Task A_second_tab_still_holding_the_session_cookie_is_refused_after_the_end_recorded_and_signed_out()
    {
        var session = await app.StartSupportSessionAsync();
        using (await session.AgentBrowser.EndSupportSessionAsync()) { }

        using var response = await app.Replaying(session.SessionCookie).GetAsync("/profile");

        // The first tab already took the browser back to the agent: the copy is not given a second agent sign-in.
        Assert.Equal("/Account/Login", response.Headers.Location?.OriginalString);
        Assert.Equal(1, await AttemptsAsync(session.Agent.Id, SupportRefusal.SessionEnded));
        await using var db = app.CreateDbContext();
        Assert.False(await db.ProfileChanges.AnyAsync(c => c.SupportSessionId == session.SessionId));
    }

    [Fact]
    public async Task The_session_ends_by_itself_at_its_expiry_on_the_server()
    {
        // A clock of this test's own: it moves past the session's end, which no other test's session may see.
        using var clocked = new ClockedSupportApp();
        var session = await clocked.StartSupportSessionAsync(minutes: "15");

        clocked.Clock.Advance(TimeSpan.FromMinutes(16));
        using var response = await session.AgentBrowser.GetAsync("/profile");

        Assert.Equal($"/support?ended={session.SessionId}", response.Headers.Location?.OriginalString);
        await using var db = clocked.CreateDbContext();
        var stored = await db.SupportSessions.SingleAsync(s => s.Id == session.SessionId);
        Assert.Equal((SessionEnding.Expired, stored.ExpiresAt), (stored.Ending, stored.EndedAt));
        using var console = await session.AgentBrowser.GetAsync("/support");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
    }

    [Fact]
    public async Task An_administrator_can_end_a_session_at_once_and_only_an_administrator()
    {
        var session = await app.StartSupportSessionAsync();
        var admin = await app.Staff.NewAsync(Roles.Admin);
        var asAdmin = app.As(admin.Principal).Get<ActiveSupportSessions>();
        var asAgent = app.As(session.Agent.Principal).Get<ActiveSupportSessions>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => asAgent.ListAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => asAgent.EndAsync(session.SessionId));
        Assert.Contains(await asAdmin.ListAsync(), s => s.Id == session.SessionId);

        await asAdmin.EndAsync(session.SessionId);

        Assert.DoesNotContain(await asAdmin.ListAsync(), s => s.Id == session.SessionId);
        using var response = await session.AgentBrowser.GetAsync("/profile");
        Assert.Equal($"/support?ended={session.SessionId}", response.Headers.Location?.OriginalString);
        Assert.Contains((await app.As(admin.Principal).Get<RefusedSupportAttempts>().ListAsync()).Items, a =>
            (a.Agent, a.Customer, a.Refusal) == (session.Agent.Name, session.Customer.FullName, SupportRefusal.SessionEnded));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => app.As(session.Agent.Principal).Get<RefusedSupportAttempts>().ListAsync());
        await using var db = app.CreateDbContext();
        var ended = await db.SupportSessions.Where(s => s.Id == session.SessionId).Select(s => new { s.Ending, s.EndedByUserId }).SingleAsync();
        Assert.Equal((SessionEnding.EndedByAdmin, admin.Id), (ended.Ending, ended.EndedByUserId));
    }

    [Theory]
    [InlineData("a compliance officer", nameof(SupportRefusal.TargetIsStaff))]
    [InlineData("an administrator", nameof(SupportRefusal.TargetIsStaff))]
    [InlineData("a hostmaster", nameof(SupportRefusal.TargetIsStaff))]
    [InlineData("the agent themselves", nameof(SupportRefusal.OwnAccount))]
    [InlineData("a customer who must be asked first", nameof(SupportRefusal.ApprovalRequired))]
    public async Task Hand_made_starts_for_staff_own_or_unapproved_accounts_are_refused_and_recorded(string whom, string refusal)
    {
        var agent = await app.Staff.NewAgentAsync();
        var target = whom switch
        {
            "a compliance officer" => (await app.Staff.NewAsync(Roles.ComplianceOfficer)).Id,
            "an administrator" => (await app.Staff.NewAsync(Roles.Admin)).Id,
            "a hostmaster" => (await app.Staff.NewAsync(Roles.Hostmaster)).Id,
            "the agent themselves" => agent.Id,
            _ => (await app.Customers.NewAsync("Bea Asked", with: c => c.RequireSupportApproval = true)).Id,
        };
        var client = await AgentAsync(agent);

        using var response = await client.StartSupportSessionAsync(target);

        Assert.Equal($"/support?customer={target}&refused={refusal}", response.Headers.Location?.OriginalString);
        Assert.Equal(1, await AttemptsAsync(agent.Id, Enum.Parse<SupportRefusal>(refusal)));
        await using var db = app.CreateDbContext();
        Assert.False(await db.SupportSessions.AnyAsync(s => s.CustomerId == target));
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
        var agent = await app.Staff.NewAgentAsync();
        var customer = await app.Customers.NewAsync("Bart Fields");
        var client = await AgentAsync(agent);

        using var response = await client.StartSupportSessionAsync(customer.Id, reason: reason, minutes: minutes);

        Assert.EndsWith("refused=InvalidRequest", response.Headers.Location?.OriginalString);
        Assert.Equal(1, await AttemptsAsync(agent.Id, SupportRefusal.InvalidRequest));
    }

    [Fact]
    public async Task A_customer_posting_to_the_start_endpoint_is_refused_and_recorded()
    {
        var nosy = await app.Customers.NewAsync("Nina Nosy");
        var other = await app.Customers.NewAsync("Otto Other");
        var client = await app.Client().SignedInAsync(nosy.Email);

        using var response = await client.StartSupportSessionAsync(other.Id);

        Assert.Contains("refused=NotAnAgent", response.Headers.Location?.OriginalString);
        Assert.Equal(1, await AttemptsAsync(nosy.Id, SupportRefusal.NotAnAgent));
        Assert.Contains("Welcome, Nina Nosy", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_start_without_the_antiforgery_token_changes_nothing()
    {
        var customer = await app.Customers.NewAsync("Tom Token");
        var client = await AgentAsync();

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["customerId"] = customer.Id, ["reason"] = "CustomerInitiated", ["ticket"] = "T-1", ["note"] = "x", ["minutes"] = "5",
        });
        using var response = await client.PostAsync("/support/sessions/start", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.SupportSessions.AnyAsync(s => s.CustomerId == customer.Id));
    }

    [Fact]
    public async Task Starting_from_inside_a_session_is_refused()
    {
        var session = await app.StartSupportSessionAsync();
        var another = await app.Customers.NewAsync("Ann Another");

        using var response = await session.AgentBrowser.StartSupportSessionAsync(another.Id);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
        await using var db = app.CreateDbContext();
        Assert.False(await db.SupportSessions.AnyAsync(s => s.CustomerId == another.Id));
        Assert.Contains($"Welcome, {session.Customer.FullName}", await session.AgentBrowser.GetStringAsync("/"));
    }
}
