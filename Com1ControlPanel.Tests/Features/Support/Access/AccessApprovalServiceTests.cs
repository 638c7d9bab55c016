using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Access;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Tests.Features.Support.Access;

public sealed class AccessApprovalServiceTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly AccessTestData data;
    private readonly string bob;

    public AccessApprovalServiceTests()
    {
        data = new AccessTestData(database);
        bob = data.Customer("bob");
    }

    private async Task<SupportAccessRequest> StoredAsync(Guid id)
    {
        await using var db = database.CreateDbContext();
        return await db.SupportAccessRequests.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    /// <summary>Everything an answer may change, to compare before and after a refusal.</summary>
    private async Task<string> SnapshotAsync(Guid id)
    {
        var r = await StoredAsync(id);
        await using var db = database.CreateDbContext();
        return $"{r.Status}|{r.AnsweredAt:o}|{r.ApprovedMinutes}|{r.WindowEndsAt:o}|{await db.Notifications.CountAsync()}";
    }

    [Fact]
    public async Task Approving_for_less_time_than_asked_opens_a_window_of_that_length_from_now_and_tells_the_agent()
    {
        var request = data.Request(bob, data.Now.AddHours(-1), minutes: 30, ticket: "T-48377");

        var outcome = await data.Approvals(bob).ApproveAsync(request.Id, 10);

        Assert.True(outcome.Succeeded, outcome.Message);
        var stored = await StoredAsync(request.Id);
        Assert.Equal((AccessRequestStatus.Approved, data.Now, 10, data.Now.AddMinutes(10)),
            (stored.Status, stored.AnsweredAt, stored.ApprovedMinutes, stored.WindowEndsAt));
        await using var db = database.CreateDbContext();
        var notification = await db.Notifications.SingleAsync();
        Assert.Equal(AccessTestData.Agent, notification.UserId);
        Assert.Contains("T-48377", notification.Text);
        Assert.DoesNotContain("bob", notification.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Denying_closes_the_request_without_a_window()
    {
        var request = data.Request(bob, data.Now.AddHours(-1));

        var outcome = await data.Approvals(bob).DenyAsync(request.Id);

        Assert.True(outcome.Succeeded);
        var stored = await StoredAsync(request.Id);
        Assert.Equal((AccessRequestStatus.Denied, data.Now, (int?)null, (DateTime?)null),
            (stored.Status, stored.AnsweredAt, stored.ApprovedMinutes, stored.WindowEndsAt));
    }

    [Theory]
    [InlineData(31)]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task Approving_for_more_than_asked_or_for_no_time_is_refused_and_changes_nothing(int minutes)
    {
        var request = data.Request(bob, data.Now.AddHours(-1), minutes: 30);
        var before = await SnapshotAsync(request.Id);

        var outcome = await data.Approvals(bob).ApproveAsync(request.Id, minutes);

        Assert.False(outcome.Succeeded);
        Assert.Contains("between 1 and 30 minutes", outcome.Message);
        Assert.Equal(before, await SnapshotAsync(request.Id));
    }

    [Fact]
    public async Task Answering_another_customers_request_is_refused_and_changes_nothing()
    {
        var alice = data.Customer("alice");
        var request = data.Request(bob, data.Now.AddHours(-1));
        var before = await SnapshotAsync(request.Id);

        var approve = await data.Approvals(alice).ApproveAsync(request.Id, 5);
        var deny = await data.Approvals(alice).DenyAsync(request.Id);

        Assert.False(approve.Succeeded);
        Assert.False(deny.Succeeded);
        Assert.Equal("There is no such access request for your account.", approve.Message);
        Assert.Equal(before, await SnapshotAsync(request.Id));
    }

    [Fact]
    public async Task Answering_twice_is_refused_and_the_first_answer_stands()
    {
        var request = data.Request(bob, data.Now.AddHours(-1));
        Assert.True((await data.Approvals(bob).ApproveAsync(request.Id, 15)).Succeeded);
        var before = await SnapshotAsync(request.Id);
        data.Clock.Advance(TimeSpan.FromMinutes(1));

        var deny = await data.Approvals(bob).DenyAsync(request.Id);
        var again = await data.Approvals(bob).ApproveAsync(request.Id, 30);

        Assert.Equal("This request has already been answered.", deny.Message);
        Assert.False(again.Succeeded);
        Assert.Equal(before, await SnapshotAsync(request.Id));
    }

    [Fact]
    public async Task Answering_a_request_after_24_hours_is_refused_as_expired()
    {
        var request = data.Request(bob, data.Now);
        var before = await SnapshotAsync(request.Id);
        data.Clock.Advance(TimeSpan.FromHours(24).Add(TimeSpan.FromMinutes(1)));

        var approve = await data.Approvals(bob).ApproveAsync(request.Id, 5);
        var deny = await data.Approvals(bob).DenyAsync(request.Id);

        Assert.False(approve.Succeeded);
        Assert.False(deny.Succeeded);
        Assert.StartsWith("This request has expired", approve.Message);
        Assert.Equal(before, await SnapshotAsync(request.Id));
    }

    [Fact]
    public async Task Support_acting_in_the_account_can_neither_answer_nor_switch_approval_off_and_the_attempt_is_recorded()
    {
        await using (var db = database.CreateDbContext())
        {
            (await db.Customers.SingleAsync(c => c.Id == bob)).RequireSupportApproval = true;
            await db.SaveChangesAsync();
        }
        var session = data.Session(bob, data.Now.AddMinutes(-5));
        var request = data.Request(bob, data.Now.AddHours(-1));
        var before = await SnapshotAsync(request.Id);
        var support = data.Approvals(data.SupportIn(bob, session));

        var outcomes = new[]
        {
            await support.ApproveAsync(request.Id, 30),
            await support.DenyAsync(request.Id),
            await support.SetRequireApprovalAsync(false),
        };

        Assert.All(outcomes, o => Assert.Equal((false, AccessApprovalService.OnlyTheAccountHolder), (o.Succeeded, o.Message)));
        Assert.Equal(before, await SnapshotAsync(request.Id));
        await using var check = database.CreateDbContext();
        Assert.True((await check.Customers.SingleAsync(c => c.Id == bob)).RequireSupportApproval);
        Assert.Empty(await check.ProfileChanges.Where(c => c.CustomerId == bob).ToListAsync());
        var attempts = await check.SupportAttempts.ToListAsync();
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, a => Assert.Equal((AccessTestData.Agent, bob, SupportRefusal.ForbiddenDuringSession),
            (a.AgentUserId, a.CustomerId, a.Refusal)));
    }

    [Fact]
    public async Task Switching_approval_on_is_kept_in_the_account_history_with_the_customer_as_actor()
    {
        var outcome = await data.Approvals(bob).SetRequireApprovalAsync(true);
        var unchanged = await data.Approvals(bob).SetRequireApprovalAsync(true);

        Assert.True(outcome.Succeeded);
        Assert.True(unchanged.Succeeded);
        await using var db = database.CreateDbContext();
        Assert.True((await db.Customers.SingleAsync(c => c.Id == bob)).RequireSupportApproval);
        var change = await db.ProfileChanges.SingleAsync(c => c.CustomerId == bob);
        Assert.Equal((ProfileField.SupportApproval, "Off", "On", bob, ChangeSource.Customer, data.Now),
            (change.Field, change.OldValue, change.NewValue, change.ActorUserId, change.Source, change.ChangedAt));
        Assert.True((await data.History(bob).GetAsync()).RequireApproval);
    }

    [Theory]
    [InlineData(Roles.SupportAgent)]
    [InlineData(Roles.Admin)]
    public async Task Staff_cannot_answer_or_change_the_setting(string role)
    {
        var request = data.Request(bob, data.Now.AddHours(-1));
        var staff = data.Approvals(SignedIn.User(SignedIn.As("staff-1", "Staff Member", role), database, data.Clock));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => staff.ApproveAsync(request.Id, 5));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => staff.SetRequireApprovalAsync(false));
        Assert.Equal(AccessRequestStatus.Pending, (await StoredAsync(request.Id)).Status);
    }

    public void Dispose() => database.Dispose();
}
