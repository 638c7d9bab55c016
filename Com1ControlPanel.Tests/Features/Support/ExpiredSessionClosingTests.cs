using Com1ControlPanel.Features.Support;

namespace Com1ControlPanel.Tests.Features.Support;

/// <summary>
/// A session nobody ends runs out its time unnoticed: the closing job still gives the customer its follow-up on the bell,
/// once, whoever else notices the expiry at the same moment, and leaves sessions that are running or already ended alone.
/// </summary>
public sealed class ExpiredSessionClosingTests() : ServiceTest(now: new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero))
{
    private const string Title = "Com 1 support's session in your account has ended";

    private TestSupportHistory support = null!;

    protected override async Task ArrangeAsync() => support = Kit.SupportBy(await Kit.Staff.NewAgentAsync("Dana Reyes"));

    private async Task<List<Com1ControlPanel.Features.Notifications.Notification>> FollowUpsAsync(string customerId)
    {
        await using var db = Kit.CreateDbContext();
        return await db.Notifications.Where(n => n.UserId == customerId && n.Title == Title).ToListAsync();
    }

    private async Task<SupportSession> StoredAsync(Guid id)
    {
        await using var db = Kit.CreateDbContext();
        return await db.SupportSessions.AsNoTracking().SingleAsync(s => s.Id == id);
    }

    [Fact]
    public async Task A_session_that_ran_out_unnoticed_gets_one_follow_up_and_ends_at_its_expiry()
    {
        var customer = (await Kit.Customers.NewAsync("Una Noticed")).Id;
        var session = await support.SessionAsync(customer, Kit.Now, minutes: 15, ticket: "T-601");
        Kit.Clock.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal(1, await Kit.Get<ExpiredSessionClosing>().RunOnceAsync());

        var followUp = Assert.Single(await FollowUpsAsync(customer));
        Assert.Contains("(ticket T-601) lasted 15 minutes. Ended by itself when its time ran out.", followUp.Text);
        var stored = await StoredAsync(session.Id);
        Assert.Equal((session.ExpiresAt, SessionEnding.Expired, (string?)null), (stored.EndedAt, stored.Ending, stored.EndedByUserId));
    }

    [Fact]
    public async Task Running_again_sends_no_second_follow_up()
    {
        var customer = (await Kit.Customers.NewAsync("Otto Once")).Id;
        await support.SessionAsync(customer, Kit.Now, minutes: 15);
        Kit.Clock.Advance(TimeSpan.FromMinutes(20));
        var closing = Kit.Get<ExpiredSessionClosing>();

        await closing.RunOnceAsync();
        Kit.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await closing.RunOnceAsync());

        Assert.Single(await FollowUpsAsync(customer));
    }

    [Fact]
    public async Task The_job_and_the_agents_next_request_noticing_the_expiry_together_send_one_follow_up()
    {
        var customer = (await Kit.Customers.NewAsync("Rae Race")).Id;
        var session = await support.SessionAsync(customer, Kit.Now, minutes: 15);
        Kit.Clock.Advance(TimeSpan.FromMinutes(20));

        await Task.WhenAll(
            Kit.Get<ExpiredSessionClosing>().RunOnceAsync(),
            Kit.Get<SupportSessionEnding>().CloseIfExpiredAsync(session.Id));

        Assert.Single(await FollowUpsAsync(customer));
    }

    [Fact]
    public async Task Sessions_still_running_or_already_ended_are_left_alone()
    {
        var customer = (await Kit.Customers.NewAsync("Lea Alone")).Id;
        var running = await support.SessionAsync(customer, Kit.Now.AddMinutes(-5), minutes: 30);
        var ended = await support.SessionAsync(customer, Kit.Now.AddMinutes(-60), minutes: 30, ending: SessionEnding.EndedByAgent,
            endedAt: Kit.Now.AddMinutes(-50));

        Assert.Equal(0, await Kit.Get<ExpiredSessionClosing>().RunOnceAsync());

        Assert.Empty(await FollowUpsAsync(customer));
        Assert.Null((await StoredAsync(running.Id)).EndedAt);
        var stillEnded = await StoredAsync(ended.Id);
        Assert.Equal((Kit.Now.AddMinutes(-50), SessionEnding.EndedByAgent), (stillEnded.EndedAt!.Value, stillEnded.Ending!.Value));
    }
    [Fact]
    public async Task A_session_that_cannot_be_closed_does_not_hold_back_the_others_and_the_run_ends()
    {
        var customer = (await Kit.Customers.NewAsync("Stu Stuck")).Id;
        var stuck = await support.SessionAsync(customer, Kit.Now.AddMinutes(-40), minutes: 15, ticket: "T-STUCK");
        var next = await support.SessionAsync(customer, Kit.Now.AddMinutes(-30), minutes: 15, ticket: "T-NEXT");
        await using (var db = Kit.CreateDbContext())
        {
            // Stands in for whatever keeps one session from closing (a damaged row, a rule that refuses it).
            await db.Database.AddRefusalAsync("test_stuck_session", "UPDATE", "SupportSessions", "stuck", when: "OLD.\"Ticket\" = 'T-STUCK'");
        }

        Assert.Equal(1, await Kit.Get<ExpiredSessionClosing>().RunOnceAsync());

        Assert.Null((await StoredAsync(stuck.Id)).EndedAt);
        Assert.Equal(SessionEnding.Expired, (await StoredAsync(next.Id)).Ending);
        Assert.Single(await FollowUpsAsync(customer));
    }
}
