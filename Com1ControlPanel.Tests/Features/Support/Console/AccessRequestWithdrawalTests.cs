using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Access;
using static Com1ControlPanel.Tests.Features.Support.Access.AccessTestData;

namespace Com1ControlPanel.Tests.Features.Support.Console;

/// <summary>An agent takes back a request the customer has not answered yet; only their own, only while it waits.</summary>
public sealed class AccessRequestWithdrawalTests() : ServiceTest(now: Start)
{
    private StaffMember dana = null!;
    private StaffMember other = null!;

    protected override async Task ArrangeAsync()
    {
        dana = await Kit.Staff.NewAgentAsync("Dana Agent", id: "agent-1");
        other = await Kit.Staff.NewAgentAsync("Other Agent", id: "agent-2");
        await Kit.Customers.NewAsync("Bea Test", id: "bea", with: c => c.RequireSupportApproval = true);
    }

    private Com1ControlPanel.Features.Support.SupportSessions AgentSessions(StaffMember agent) =>
        Kit.As(Principals.Agent(agent.Id, agent.Name)).Get<Com1ControlPanel.Features.Support.SupportSessions>();

    private AccessRequestWithdrawal Withdrawal(StaffMember agent) =>
        Kit.As(Principals.Agent(agent.Id, agent.Name)).Get<AccessRequestWithdrawal>();

    private async Task<SupportAccessRequest> StoredAsync()
    {
        await using var db = Kit.CreateDbContext();
        return await db.SupportAccessRequests.AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task The_agent_withdraws_their_pending_request_and_the_customer_can_no_longer_approve_it()
    {
        var request = await Kit.SupportBy(dana).RequestAsync("bea", Kit.Now.AddMinutes(-5));

        var withdrawn = await Withdrawal(dana).WithdrawAsync(request.Id);

        Assert.True(withdrawn);
        Assert.Null((await AgentSessions(dana).GetStateAsync("bea")).Pending);
        var approve = await Kit.ApprovalsOf("bea").ApproveAsync(request.Id, 10);
        Assert.False(approve.Succeeded);
        var page = await Kit.HistoryOf("bea").GetAsync();
        Assert.Empty(page.PendingRequests);
        var past = Assert.Single(page.PastRequests);
        Assert.Equal(RequestOutcome.Withdrawn, past.Outcome);
        Assert.Equal("Withdrawn by the agent", past.Outcome.Describe());
        var stored = await StoredAsync();
        Assert.Equal((AccessRequestStatus.Withdrawn, Kit.Now, dana.Id, (int?)null),
            (stored.Status, stored.AnsweredAt, stored.WithdrawnByUserId, stored.ApprovedMinutes));
    }

    [Fact]
    public async Task The_customer_is_told_on_their_bell_that_the_request_needs_no_answer_any_more()
    {
        var form = new SupportStartForm
        {
            CustomerId = "bea", Reason = SupportReason.TechnicalIncident, Ticket = "T-77", Note = "Backups fail.", Minutes = 15,
        };
        var asked = Assert.IsType<SupportStartResult.AwaitingApproval>(await AgentSessions(dana).RequestAccessAsync(form));

        Assert.True(await Withdrawal(dana).WithdrawAsync(asked.Request.Id));

        await using var db = Kit.CreateDbContext();
        var newest = await db.Notifications.Where(n => n.UserId == "bea").OrderByDescending(n => n.Id).FirstAsync();
        Assert.Contains("withdrew", newest.Title + newest.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("T-77", newest.Text);
        Assert.Contains("no answer", newest.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Another_agent_cannot_withdraw_a_request_that_is_not_theirs()
    {
        var request = await Kit.SupportBy(dana).RequestAsync("bea", Kit.Now.AddMinutes(-5));

        var withdrawn = await Withdrawal(other).WithdrawAsync(request.Id);

        Assert.False(withdrawn);
        Assert.Equal(AccessRequestStatus.Pending, (await StoredAsync()).Status);
        var approve = await Kit.ApprovalsOf("bea").ApproveAsync(request.Id, 10);
        Assert.True(approve.Succeeded, approve.Message);
    }

    [Fact]
    public async Task An_answered_request_cannot_be_withdrawn()
    {
        var request = await Kit.SupportBy(dana).RequestAsync("bea", Kit.Now.AddMinutes(-5), status: AccessRequestStatus.Denied);

        Assert.False(await Withdrawal(dana).WithdrawAsync(request.Id));
        Assert.Equal(AccessRequestStatus.Denied, (await StoredAsync()).Status);
    }

    [Fact]
    public async Task A_request_that_expired_unanswered_stays_expired()
    {
        var request = await Kit.SupportBy(dana).RequestAsync("bea", Kit.Now.AddHours(-25));

        Assert.False(await Withdrawal(dana).WithdrawAsync(request.Id));
        Assert.Equal(RequestOutcome.Expired, Assert.Single((await Kit.HistoryOf("bea").GetAsync()).PastRequests).Outcome);
    }
}
