using Com1ControlPanel.Features.Support;

namespace Com1ControlPanel.Tests.Features.Support;

/// <summary>
/// "Com 1 support is in your account" gets its answer: when the session ends, however it ends, the customer's bell says
/// how long it lasted, how it ended and what was changed, once.
/// </summary>
public sealed class SessionFollowUpTests() : ServiceTest(now: new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero))
{
    private const string Title = "Com 1 support's session in your account has ended";

    private TestSupportHistory support = null!;

    protected override async Task ArrangeAsync() => support = Kit.SupportBy(await Kit.Staff.NewAgentAsync("Dana Reyes"));

    private async Task<List<Com1ControlPanel.Features.Notifications.Notification>> FollowUpsAsync(string customerId)
    {
        await using var db = Kit.CreateDbContext();
        return await db.Notifications.Where(n => n.UserId == customerId && n.Title == Title).ToListAsync();
    }

    [Fact]
    public async Task An_ended_session_tells_the_customer_how_long_it_lasted_who_ended_it_and_what_changed_once()
    {
        var customer = (await Kit.Customers.NewAsync("Fran Followed")).Id;
        var session = await support.SessionAsync(customer, Kit.Now, minutes: 30, ticket: "T-501");
        await support.PhoneChangeAsync(customer, Kit.Now.AddMinutes(4), session.Id);
        Kit.Clock.Advance(TimeSpan.FromMinutes(12));

        await Kit.Get<SupportSessionEnding>().EndAsync(session.Id, SessionEnding.EndedByAgent, "agent");
        await Kit.Get<SupportSessionEnding>().EndAsync(session.Id, SessionEnding.EndedByAdmin, "admin");

        var followUp = Assert.Single(await FollowUpsAsync(customer));
        Assert.Equal("access", followUp.Link);
        Assert.Contains("Dana Reyes's session (ticket T-501) lasted 12 minutes.", followUp.Text);
        Assert.Contains("Ended by the agent.", followUp.Text);
        Assert.Contains("1 change:", followUp.Text);
        Assert.Contains("Phone", followUp.Text);
    }

    [Fact]
    public async Task A_session_whose_time_ran_out_says_so_and_that_nothing_was_changed()
    {
        var customer = (await Kit.Customers.NewAsync("Tim Timedout")).Id;
        var session = await support.SessionAsync(customer, Kit.Now, minutes: 15);
        Kit.Clock.Advance(TimeSpan.FromMinutes(40));

        await Kit.Get<SupportSessionEnding>().CloseIfExpiredAsync(session.Id);

        var followUp = Assert.Single(await FollowUpsAsync(customer));
        Assert.Contains("lasted 15 minutes. Ended by itself when its time ran out.", followUp.Text);
        Assert.Contains("Nothing in your account was changed.", followUp.Text);
    }

    [Fact]
    public async Task A_running_session_has_no_follow_up_yet()
    {
        var customer = (await Kit.Customers.NewAsync("Rita Running")).Id;
        var session = await support.SessionAsync(customer, Kit.Now, minutes: 30);
        Kit.Clock.Advance(TimeSpan.FromMinutes(5));

        await Kit.Get<SupportSessionEnding>().CloseIfExpiredAsync(session.Id);

        Assert.Empty(await FollowUpsAsync(customer));
    }
}
