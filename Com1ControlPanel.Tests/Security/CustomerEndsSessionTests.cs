using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Access;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Tests.Features.Support;
using Com1ControlPanel.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Issue 9, item 2: the customer can end a running support session from "Who accessed my account"; the agent is
/// handed back at once with the reason, and nobody else can end it with the session's id.
/// </summary>
public sealed class CustomerEndsSessionTests : IClassFixture<SupportAppFixture>
{
    private readonly SupportApp support;

    public CustomerEndsSessionTests(SupportAppFixture fixture) => support = fixture.Support;

    private AccessApprovalService ApprovalsFor(CurrentUser user) => new(
        support.App.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Com1ControlPanel.Data.AppDbContext>>(),
        user, support.App.Services.GetRequiredService<SupportSessionEnding>(),
        support.App.Services.GetRequiredService<Com1ControlPanel.Features.Customers.CustomerChanges>(), support.Clock,
        NullLogger<AccessApprovalService>.Instance);

    private CurrentUser As(System.Security.Claims.ClaimsPrincipal principal) =>
        new(new SignedIn(principal), support.App.Services.GetRequiredService<ISupportSessionCheck>());

    [Fact]
    public async Task The_customer_ends_the_session_and_the_agent_is_handed_back_told_who_ended_it()
    {
        var session = await SupportAgents.StartAsync(support);

        var outcome = await ApprovalsFor(As(SupportAgents.CustomerPrincipal(session.Customer))).EndSessionAsync(session.SessionId);

        Assert.True(outcome.Succeeded, outcome.Message);
        using var next = await session.AgentBrowser.GetAsync("/profile");
        Assert.Equal($"/support?ended={session.SessionId}", next.Headers.Location?.OriginalString);
        var console = await session.AgentBrowser.GetStringAsync($"/support?ended={session.SessionId}");
        Assert.Contains("Cora Copy ended the support session.", console);
        await using var db = support.CreateDbContext();
        var stored = await db.SupportSessions.SingleAsync(s => s.Id == session.SessionId);
        Assert.Equal((SessionEnding.EndedByCustomer, session.Customer.Id), (stored.Ending, stored.EndedByUserId));
    }

    [Fact]
    public async Task Another_customer_cannot_end_a_session_in_someone_elses_account()
    {
        var session = await SupportAgents.StartAsync(support);
        var other = await TestCustomers.CreateAsync(support.App.Services, $"other-{Guid.NewGuid():N}"[..16] + "@example.com", "Otto Other");

        var outcome = await ApprovalsFor(As(SupportAgents.CustomerPrincipal(other))).EndSessionAsync(session.SessionId);

        Assert.False(outcome.Succeeded);
        await using var db = support.CreateDbContext();
        Assert.Null((await db.SupportSessions.SingleAsync(s => s.Id == session.SessionId)).EndedAt);
        using var stillIn = await session.AgentBrowser.GetAsync("/profile");
        Assert.Equal(System.Net.HttpStatusCode.OK, stillIn.StatusCode);
    }

    [Fact]
    public async Task The_agent_inside_the_session_cannot_end_it_as_the_customer()
    {
        var session = await SupportAgents.StartAsync(support);
        var inSession = SupportPrincipals.InSession(session.Customer.Id, session.SessionId, session.Agent.Id);

        var outcome = await ApprovalsFor(As(inSession)).EndSessionAsync(session.SessionId);

        Assert.False(outcome.Succeeded);
        Assert.Equal(AccessApprovalService.OnlyTheAccountHolder, outcome.Message);
        await using var db = support.CreateDbContext();
        Assert.Null((await db.SupportSessions.SingleAsync(s => s.Id == session.SessionId)).EndedAt);
    }

    [Fact]
    public async Task Ending_raises_the_event_the_agents_open_page_listens_to()
    {
        var session = await SupportAgents.StartAsync(support);
        var events = support.App.Services.GetRequiredService<SupportSessionEvents>();
        var heard = new List<Guid>();
        void Hear(Guid id, SessionEnding ending) => heard.Add(id);
        events.Ended += Hear;
        try
        {
            await ApprovalsFor(As(SupportAgents.CustomerPrincipal(session.Customer))).EndSessionAsync(session.SessionId);
        }
        finally
        {
            events.Ended -= Hear;
        }

        Assert.Contains(session.SessionId, heard);
    }
}
