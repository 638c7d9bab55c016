using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Access;
using Com1ControlPanel.Infrastructure.Security;
using static Com1ControlPanel.Tests.Features.Support.Access.AccessTestData;

namespace Com1ControlPanel.Tests.Features.Support.Access;

public sealed class AccessHistoryServiceTests() : ServiceTest(now: Start)
{
    // What TestSupportHistory.ConsentChangeAsync has the agent allow.
    private static readonly ConsentKey ComProductsByEmail = new(MarketingPurpose.ComProducts, ContactChannel.Email);

    private TestSupportHistory support = null!;

    protected override async Task ArrangeAsync() => support = Kit.SupportBy(await Kit.Staff.NewAgentAsync("Dana Reyes"));

    private async Task<string> CustomerAsync(string id) => (await Kit.Customers.NewAsync($"{id} Test", id: id)).Id;

    [Fact]
    public async Task A_customer_sees_only_their_own_sessions_requests_and_sign_ins()
    {
        var alice = await CustomerAsync("alice");
        var bob = await CustomerAsync("bob");
        var aliceSession = await support.SessionAsync(alice, Kit.Now.AddDays(-2), ending: SessionEnding.EndedByAgent, endedAt: Kit.Now.AddDays(-2).AddMinutes(5));
        var bobSession = await support.SessionAsync(bob, Kit.Now.AddDays(-1), ending: SessionEnding.EndedByAgent, endedAt: Kit.Now.AddDays(-1).AddMinutes(5));
        var alicePending = await support.RequestAsync(alice, Kit.Now.AddHours(-1));
        await support.RequestAsync(bob, Kit.Now.AddHours(-1));
        var bobDenied = await support.RequestAsync(bob, Kit.Now.AddDays(-3), status: AccessRequestStatus.Denied);
        await support.SignInsAsync(alice, 2, Kit.Now, "198.51.100.x");
        await support.SignInsAsync(bob, 3, Kit.Now, "192.0.2.x");
        // A change in bob's session, even one wrongly pointing at alice's session id, stays bob's.
        await support.PhoneChangeAsync(bob, Kit.Now.AddDays(-2), aliceSession.Id);

        var history = await Kit.HistoryOf(alice).GetAsync();

        Assert.Equal(aliceSession.Id, Assert.Single(history.Sessions.Items).Id);
        Assert.Empty(history.Sessions.Items[0].Actions);
        Assert.Equal(alicePending.Id, Assert.Single(history.PendingRequests).Id);
        Assert.Empty(history.PastRequests);
        Assert.Equal(2, history.SignIns.Count);
        Assert.All(history.SignIns, s => Assert.Equal("198.51.100.x", s.Network));
        Assert.DoesNotContain(history.Sessions.Items, s => s.Id == bobSession.Id);
        Assert.DoesNotContain(history.PastRequests, r => r.Id == bobDenied.Id);
    }

    [Fact]
    public async Task Changes_made_in_a_session_are_listed_under_that_session_in_the_products_words()
    {
        var alice = await CustomerAsync("alice");
        var older = await support.SessionAsync(alice, Kit.Now.AddDays(-5), ending: SessionEnding.EndedByAgent, endedAt: Kit.Now.AddDays(-5).AddMinutes(10));
        var newer = await support.SessionAsync(alice, Kit.Now.AddDays(-1), ending: SessionEnding.EndedByAdmin, endedAt: Kit.Now.AddDays(-1).AddMinutes(3));
        await support.PhoneChangeAsync(alice, older.StartedAt.AddMinutes(2), older.Id);
        await support.ConsentChangeAsync(alice, older.StartedAt.AddMinutes(4), older.Id);
        await support.PhoneChangeAsync(alice, Kit.Now.AddHours(-1), sessionId: null);

        var sessions = (await Kit.HistoryOf(alice).GetAsync()).Sessions.Items;

        Assert.Equal([newer.Id, older.Id], sessions.Select(s => s.Id));
        Assert.Empty(sessions[0].Actions);
        Assert.Collection(sessions[1].Actions,
            phone =>
            {
                Assert.Equal("Phone changed", phone.What);
                Assert.Equal("From +1 415-555-0100 to +1 415-555-0142", phone.Detail);
            },
            consent => Assert.Equal($"{ComProductsByEmail.Label}: allowed", consent.What));
    }

    [Fact]
    public async Task Each_session_says_how_it_ended_and_one_nobody_ended_ends_at_its_expiry()
    {
        var alice = await CustomerAsync("alice");
        var byAgent = await support.SessionAsync(alice, Kit.Now.AddHours(-5), ending: SessionEnding.EndedByAgent, endedAt: Kit.Now.AddHours(-5).AddMinutes(8));
        var byAdmin = await support.SessionAsync(alice, Kit.Now.AddHours(-4), ending: SessionEnding.EndedByAdmin, endedAt: Kit.Now.AddHours(-4).AddMinutes(2));
        var ranOut = await support.SessionAsync(alice, Kit.Now.AddHours(-3), minutes: 20);
        var active = await support.SessionAsync(alice, Kit.Now.AddMinutes(-5), minutes: 30);

        var sessions = (await Kit.HistoryOf(alice).GetAsync()).Sessions.Items.ToDictionary(s => s.Id);

        Assert.Equal((SessionState.EndedByAgent, byAgent.EndedAt!.Value), (sessions[byAgent.Id].State, sessions[byAgent.Id].EndsAt));
        Assert.Equal((SessionState.EndedByAdmin, byAdmin.EndedAt!.Value), (sessions[byAdmin.Id].State, sessions[byAdmin.Id].EndsAt));
        Assert.Equal((SessionState.TimeRanOut, ranOut.ExpiresAt), (sessions[ranOut.Id].State, sessions[ranOut.Id].EndsAt));
        Assert.Equal((SessionState.Active, active.ExpiresAt), (sessions[active.Id].State, sessions[active.Id].EndsAt));
        Assert.Equal("Ended by itself when its time ran out", sessions[ranOut.Id].State.Describe());
    }

    [Fact]
    public async Task A_request_left_unanswered_for_24_hours_moves_to_past_requests_as_expired()
    {
        var bob = await CustomerAsync("bob");
        var request = await support.RequestAsync(bob, Kit.Now.AddHours(-2));
        Assert.Equal(TimeSpan.FromHours(22), Assert.Single((await Kit.HistoryOf(bob).GetAsync()).PendingRequests).TimeLeftAt(Kit.Now));

        Kit.Clock.Advance(TimeSpan.FromHours(22));
        var history = await Kit.HistoryOf(bob).GetAsync();

        Assert.Empty(history.PendingRequests);
        var past = Assert.Single(history.PastRequests);
        Assert.Equal((request.Id, RequestOutcome.Expired), (past.Id, past.Outcome));
    }

    [Fact]
    public async Task Sessions_come_a_page_at_a_time_newest_first()
    {
        const int perPage = AccessHistoryService.SessionsPerPage;
        var alice = await CustomerAsync("alice");
        for (var day = 1; day <= perPage + 2; day++)
        {
            await support.SessionAsync(alice, Kit.Now.AddDays(-day), ending: SessionEnding.EndedByAgent, endedAt: Kit.Now.AddDays(-day).AddMinutes(1), ticket: $"T-{day}");
        }
        var service = Kit.HistoryOf(alice);

        var first = (await service.GetAsync()).Sessions;
        var older = await service.GetOlderSessionsAsync(first.OlderThan!.Value);

        Assert.Equal(Enumerable.Range(1, perPage).Select(d => $"T-{d}"), first.Items.Select(s => s.Ticket));
        Assert.Equal([$"T-{perPage + 1}", $"T-{perPage + 2}"], older.Items.Select(s => s.Ticket));
        Assert.Null(older.OlderThan);
    }

    [Fact]
    public async Task The_latest_sign_ins_are_shown_newest_first_with_why_a_failure_failed()
    {
        var alice = await CustomerAsync("alice");
        await support.SignInsAsync(alice, AccessHistoryService.SignInsShown + 10, Kit.Now);

        var signIns = (await Kit.HistoryOf(alice).GetAsync()).SignIns;

        Assert.Equal(AccessHistoryService.SignInsShown, signIns.Count);
        Assert.Equal(signIns.OrderByDescending(s => s.At), signIns);
        Assert.Equal(Kit.Now, signIns[0].At);
        Assert.Equal("Failed: wrong password", signIns.First(s => !s.Succeeded).How);
    }

    [Theory]
    [InlineData(Roles.SupportAgent)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Billing)]
    public async Task Staff_get_no_access_page_data(string role)
    {
        var alice = await CustomerAsync("alice");
        await support.SessionAsync(alice, Kit.Now.AddDays(-1));
        var staff = Principals.Of("staff-1", "Staff Member", role);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Kit.HistoryOf(staff).GetAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Kit.HistoryOf(staff).GetOlderSessionsAsync(Kit.Now));
    }
}
