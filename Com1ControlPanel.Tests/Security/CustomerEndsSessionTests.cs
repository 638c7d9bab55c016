using System.Net;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Access;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Issue 9, item 2: the customer can end a running support session from "Who accessed my account"; the agent is
/// handed back at once with the reason, and nobody else can end it with the session's id.
/// </summary>
public sealed class CustomerEndsSessionTests(SupportApp app) : IClassFixture<SupportApp>
{
    private AccessApprovalService ApprovalsOf(System.Security.Claims.ClaimsPrincipal user) => app.As(user).Get<AccessApprovalService>();

    [Fact]
    public async Task The_customer_ends_the_session_and_the_agent_is_handed_back_told_who_ended_it()
    {
        var session = await app.StartSupportSessionAsync();

        var outcome = await ApprovalsOf(session.Customer.Principal).EndSessionAsync(session.SessionId);

        Assert.True(outcome.Succeeded, outcome.Message);
        using var next = await session.AgentBrowser.GetAsync("/profile");
        Assert.Equal($"/support?ended={session.SessionId}", next.Headers.Location?.OriginalString);
        var console = await session.AgentBrowser.GetStringAsync($"/support?ended={session.SessionId}");
        Assert.Contains("Cora Copy ended the support session.", console);
        await using var db = app.CreateDbContext();
        var stored = await db.SupportSessions.SingleAsync(s => s.Id == session.SessionId);
        Assert.Equal((SessionEnding.EndedByCustomer, session.Customer.Id), (stored.Ending, stored.EndedByUserId));
    }

    [Fact]
    public async Task Another_customer_cannot_end_a_session_in_someone_elses_account()
    {
        var session = await app.StartSupportSessionAsync();
        var other = await app.Customers.NewAsync("Otto Other");

        var outcome = await ApprovalsOf(other.Principal).EndSessionAsync(session.SessionId);

        Assert.False(outcome.Succeeded);
        await using var db = app.CreateDbContext();
        Assert.Null((await db.SupportSessions.SingleAsync(s => s.Id == session.SessionId)).EndedAt);
        using var stillIn = await session.AgentBrowser.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [Fact]
    public async Task The_agent_inside_the_session_cannot_end_it_as_the_customer()
    {
        var session = await app.StartSupportSessionAsync();
        var inSession = Principals.InSession(session.Customer.Id, session.SessionId, session.Agent.Id, session.Agent.Name);

        var outcome = await ApprovalsOf(inSession).EndSessionAsync(session.SessionId);

        Assert.False(outcome.Succeeded);
        Assert.Equal(AccessApprovalService.OnlyTheAccountHolder, outcome.Message);
        await using var db = app.CreateDbContext();
        Assert.Null((await db.SupportSessions.SingleAsync(s => s.Id == session.SessionId)).EndedAt);
    }

    [Fact]
    public async Task Ending_raises_the_event_the_agents_open_page_listens_to()
    {
        var session = await app.StartSupportSessionAsync();
        var events = app.Get<SupportSessionEvents>();
        var heard = new List<Guid>();
        void Hear(Guid id, SessionEnding ending) => heard.Add(id);
        events.Ended += Hear;
        try
        {
            await ApprovalsOf(session.Customer.Principal).EndSessionAsync(session.SessionId);
        }
        finally
        {
            events.Ended -= Hear;
        }

        Assert.Contains(session.SessionId, heard);
    }
}
