using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Access;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using static Com1ControlPanel.Tests.Features.Support.Access.AccessTestData;

namespace Com1ControlPanel.Tests.Features.Support.Access;

public sealed class AccessApprovalServiceTests() : ServiceTest(now: Start)
{
    private StaffMember dana = null!;
    private TestSupportHistory support = null!;
    private string bob = null!;

    protected override async Task ArrangeAsync()
    {
        // A real support agent: notifications about answers go to them, and sessions check their account.
        dana = await Kit.Staff.NewAgentAsync("Dana Reyes");
        support = Kit.SupportBy(dana);
        bob = (await Kit.Customers.NewAsync("Bob Test", id: "bob")).Id;
    }

    private async Task<SupportAccessRequest> StoredAsync(Guid id)
    {
        await using var db = Kit.CreateDbContext();
        return await db.SupportAccessRequests.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    /// <summary>Everything an answer may change, to compare before and after a refusal.</summary>
    private async Task<string> SnapshotAsync(Guid id)
    {
        var r = await StoredAsync(id);
        await using var db = Kit.CreateDbContext();
        return $"{r.Status}|{r.AnsweredAt:o}|{r.ApprovedMinutes}|{r.WindowEndsAt:o}|{await db.Notifications.CountAsync()}";
    }

    [Fact]
    public async Task Approving_for_less_time_than_asked_opens_a_window_of_that_length_from_now_and_tells_the_agent()
    {
        var request = await support.RequestAsync(bob, Kit.Now.AddHours(-1), minutes: 30, ticket: "T-48377");

        var outcome = await Kit.ApprovalsOf(bob).ApproveAsync(request.Id, 10);

        Assert.True(outcome.Succeeded, outcome.Message);
        var stored = await StoredAsync(request.Id);
        Assert.Equal((AccessRequestStatus.Approved, Kit.Now, 10, Kit.Now.AddMinutes(10)),
            (stored.Status, stored.AnsweredAt, stored.ApprovedMinutes, stored.WindowEndsAt));
        await using var db = Kit.CreateDbContext();
        var notification = await db.Notifications.SingleAsync();
        Assert.Equal(dana.Id, notification.UserId);
        Assert.Contains("T-48377", notification.Text);
        Assert.DoesNotContain("bob", notification.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Denying_closes_the_request_without_a_window()
    {
        var request = await support.RequestAsync(bob, Kit.Now.AddHours(-1));

        var outcome = await Kit.ApprovalsOf(bob).DenyAsync(request.Id);

        Assert.True(outcome.Succeeded);
        var stored = await StoredAsync(request.Id);
        Assert.Equal((AccessRequestStatus.Denied, Kit.Now, (int?)null, (DateTime?)null),
            (stored.Status, stored.AnsweredAt, stored.ApprovedMinutes, stored.WindowEndsAt));
    }

    [Theory]
    [InlineData(31)]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task Approving_for_more_than_asked_or_for_no_time_is_refused_and_changes_nothing(int minutes)
    {
        var request = await support.RequestAsync(bob, Kit.Now.AddHours(-1), minutes: 30);
        var before = await SnapshotAsync(request.Id);

        var outcome = await Kit.ApprovalsOf(bob).ApproveAsync(request.Id, minutes);

        Assert.False(outcome.Succeeded);
        Assert.Contains("between 1 and 30 minutes", outcome.Message);
        Assert.Equal(before, await SnapshotAsync(request.Id));
    }

    [Fact]
    public async Task Answering_another_customers_request_is_refused_and_changes_nothing()
    {
        var alice = (await Kit.Customers.NewAsync("Alice Test", id: "alice")).Id;
        var request = await support.RequestAsync(bob, Kit.Now.AddHours(-1));
        var before = await SnapshotAsync(request.Id);

        var approve = await Kit.ApprovalsOf(alice).ApproveAsync(request.Id, 5);
        var deny = await Kit.ApprovalsOf(alice).DenyAsync(request.Id);

        Assert.False(approve.Succeeded);
        Assert.False(deny.Succeeded);
        Assert.Equal("There is no such access request for your account.", approve.Message);
        Assert.Equal(before, await SnapshotAsync(request.Id));
    }

    [Fact]
    public async Task Answering_twice_is_refused_and_the_first_answer_stands()
    {
        var request = await support.RequestAsync(bob, Kit.Now.AddHours(-1));
        Assert.True((await Kit.ApprovalsOf(bob).ApproveAsync(request.Id, 15)).Succeeded);
        var before = await SnapshotAsync(request.Id);
        Kit.Clock.Advance(TimeSpan.FromMinutes(1));

        var deny = await Kit.ApprovalsOf(bob).DenyAsync(request.Id);
        var again = await Kit.ApprovalsOf(bob).ApproveAsync(request.Id, 30);

        Assert.Equal("This request has already been answered.", deny.Message);
        Assert.False(again.Succeeded);
        Assert.Equal(before, await SnapshotAsync(request.Id));
    }

    [Fact]
    public async Task Answering_a_request_after_24_hours_is_refused_as_expired()
    {
        var request = await support.RequestAsync(bob, Kit.Now);
        var before = await SnapshotAsync(request.Id);
        Kit.Clock.Advance(TimeSpan.FromHours(24).Add(TimeSpan.FromMinutes(1)));

        var approve = await Kit.ApprovalsOf(bob).ApproveAsync(request.Id, 5);
        var deny = await Kit.ApprovalsOf(bob).DenyAsync(request.Id);

        Assert.False(approve.Succeeded);
        Assert.False(deny.Succeeded);
        Assert.StartsWith("This request has expired", approve.Message);
        Assert.Equal(before, await SnapshotAsync(request.Id));
    }

    [Fact]
    public async Task Support_acting_in_the_account_can_neither_answer_nor_switch_approval_off_and_the_attempt_is_recorded()
    {
        await using (var db = Kit.CreateDbContext())
        {
            (await db.Customers.SingleAsync(c => c.Id == bob)).RequireSupportApproval = true;
            await db.SaveChangesAsync();
        }
        var session = await support.SessionAsync(bob, Kit.Now.AddMinutes(-5));
        var request = await support.RequestAsync(bob, Kit.Now.AddHours(-1));
        var before = await SnapshotAsync(request.Id);
        var inSession = Kit.ApprovalsOf(SupportIn(bob, session, dana));

        var outcomes = new[]
        {
            await inSession.ApproveAsync(request.Id, 30),
            await inSession.DenyAsync(request.Id),
            await inSession.SetRequireApprovalAsync(false),
        };

        Assert.All(outcomes, o => Assert.Equal(
            (false, AccessApprovalService.OnlyTheAccountHolder),
            (o.Succeeded, o.Message)));
        Assert.Equal(before, await SnapshotAsync(request.Id));
        await using var check = Kit.CreateDbContext();
        Assert.True((await check.Customers.SingleAsync(c => c.Id == bob)).RequireSupportApproval);
        Assert.Empty(await check.ProfileChanges.Where(c => c.CustomerId == bob).ToListAsync());
        var attempts = await check.SupportAttempts.ToListAsync();
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, a => Assert.Equal((dana.Id, bob, SupportRefusal.ForbiddenDuringSession),
            (a.AgentUserId, a.CustomerId, a.Refusal)));
    }

    [Fact]
    public async Task Switching_approval_on_is_kept_in_the_account_history_with_the_customer_as_actor()
    {
        var outcome = await Kit.ApprovalsOf(bob).SetRequireApprovalAsync(true);
        var unchanged = await Kit.ApprovalsOf(bob).SetRequireApprovalAsync(true);

        Assert.True(outcome.Succeeded);
        Assert.True(unchanged.Succeeded);
        await using var db = Kit.CreateDbContext();
        Assert.True((await db.Customers.SingleAsync(c => c.Id == bob)).RequireSupportApproval);
        var change = await db.ProfileChanges.SingleAsync(c => c.CustomerId == bob);
        Assert.Equal((ProfileField.SupportApproval, "Off", "On", bob, ChangeSource.Customer, Kit.Now),
            (change.Field, change.OldValue, change.NewValue, change.ActorUserId, change.Source, change.ChangedAt));
        Assert.True((await Kit.HistoryOf(bob).GetAsync()).RequireApproval);
    }

    [Theory]
    [InlineData(Roles.SupportAgent)]
    [InlineData(Roles.Admin)]
    public async Task Staff_cannot_answer_or_change_the_setting(string role)
    {
        var request = await support.RequestAsync(bob, Kit.Now.AddHours(-1));
        var staff = Kit.ApprovalsOf(Principals.Of("staff-1", "Staff Member", role));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => staff.ApproveAsync(request.Id, 5));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => staff.SetRequireApprovalAsync(false));
        Assert.Equal(AccessRequestStatus.Pending, (await StoredAsync(request.Id)).Status);
    }
}
