using System.Net;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Issue 9, item 2: a copy of a support session's cookie never mints an agent sign-in. The browser goes back to the
/// agent once, from what the server recorded at the start; a replay after the end, after signing out, or after the
/// agent's password, role or lockout changed ends signed out. Each test has an agent and a customer of its own.
/// </summary>
public sealed class SupportSessionReplayTests(SupportApp app) : IClassFixture<SupportApp>
{
    private async Task<SupportSession> SessionAsync(Guid id)
    {
        await using var db = app.CreateDbContext();
        return await db.SupportSessions.SingleAsync(s => s.Id == id);
    }

    private async Task ChangeAgentAsync(string agentId, Func<UserManager<ApplicationUser>, ApplicationUser, Task<IdentityResult>> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True((await change(users, (await users.FindByIdAsync(agentId))!)).Succeeded);
    }

    [Fact]
    public async Task A_copy_replayed_after_the_session_ended_is_signed_out_instead_of_becoming_the_agent()
    {
        var session = await app.StartSupportSessionAsync();
        using (var ended = await session.AgentBrowser.EndSupportSessionAsync())
        {
            Assert.Equal($"/support?ended={session.SessionId}", ended.Headers.Location?.OriginalString);
        }

        using var replay = await app.Replaying(session.SessionCookie).GetAsync("/profile");

        Assert.Equal("/Account/Login", replay.Headers.Location?.OriginalString);
        Assert.False(SupportSteps.SignsIn(replay));
        Assert.NotNull((await SessionAsync(session.SessionId)).HandedBackAt);
    }

    [Fact]
    public async Task A_copy_replayed_after_the_agent_signed_out_of_the_session_is_signed_out()
    {
        var session = await app.StartSupportSessionAsync();
        using (var signedOut = await session.AgentBrowser.PostFormAsync("/Account/Logout", new Dictionary<string, string> { ["returnUrl"] = "" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        using var replay = await app.Replaying(session.SessionCookie).GetAsync("/profile");

        Assert.Equal("/Account/Login", replay.Headers.Location?.OriginalString);
        Assert.False(SupportSteps.SignsIn(replay));
        Assert.Equal(SessionEnding.EndedByAgent, (await SessionAsync(session.SessionId)).Ending);
    }

    [Fact]
    public async Task A_copy_replayed_after_the_agent_changed_their_password_is_signed_out_and_the_session_ends()
    {
        var session = await app.StartSupportSessionAsync();
        await ChangeAgentAsync(session.Agent.Id, (users, agent) =>
            users.ChangePasswordAsync(agent, TestCustomers.Password, "a different long passphrase 2026"));

        using var replay = await app.Replaying(session.SessionCookie).GetAsync("/profile");

        Assert.Equal("/Account/Login", replay.Headers.Location?.OriginalString);
        Assert.False(SupportSteps.SignsIn(replay));
        var stored = await SessionAsync(session.SessionId);
        Assert.Equal(SessionEnding.AgentAccessRevoked, stored.Ending);
        // The agent's own browser is not given back either: the stamp it was started with is gone.
        using var agentNext = await session.AgentBrowser.GetAsync("/");
        Assert.Equal("/Account/Login", agentNext.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Locking_the_agent_ends_their_running_session_at_the_next_request()
    {
        var session = await app.StartSupportSessionAsync();
        await ChangeAgentAsync(session.Agent.Id, (users, agent) => users.SetLockoutEndDateAsync(agent, DateTimeOffset.UtcNow.AddDays(1)));

        using var next = await session.AgentBrowser.GetAsync("/profile");

        Assert.Equal("/Account/Login", next.Headers.Location?.OriginalString);
        Assert.False(SupportSteps.SignsIn(next));
        var stored = await SessionAsync(session.SessionId);
        Assert.Equal((SessionEnding.AgentAccessRevoked, true), (stored.Ending, stored.EndedAt <= DateTime.UtcNow));
        Assert.Null(stored.EndedByUserId);
    }

    [Fact]
    public async Task Removing_the_support_role_ends_the_agents_running_session_at_the_next_request()
    {
        var session = await app.StartSupportSessionAsync();
        await ChangeAgentAsync(session.Agent.Id, (users, agent) => users.RemoveFromRoleAsync(agent, Roles.SupportAgent));

        using var next = await session.AgentBrowser.GetAsync("/profile");

        Assert.Equal("/Account/Login", next.Headers.Location?.OriginalString);
        Assert.Equal(SessionEnding.AgentAccessRevoked, (await SessionAsync(session.SessionId)).Ending);
    }

    [Fact]
    public async Task Two_requests_racing_with_the_same_ended_session_cookie_hand_back_at_most_once()
    {
        var session = await app.StartSupportSessionAsync();
        await app.Services.GetRequiredService<SupportSessionEnding>()
            .EndAsync(session.SessionId, SessionEnding.EndedByAdmin, "admin-test");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            app.Replaying(session.SessionCookie).GetAsync("/profile")));

        Assert.Equal(1, responses.Count(SupportSteps.SignsIn));
        Assert.Equal(1, responses.Count(r => r.Headers.Location?.OriginalString == $"/support?ended={session.SessionId}"));
    }
}
