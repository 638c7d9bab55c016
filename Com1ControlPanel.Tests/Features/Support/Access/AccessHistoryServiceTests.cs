using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Access;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Support;

namespace Com1ControlPanel.Tests.Features.Support.Access;

public sealed class AccessHistoryServiceTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly AccessTestData data;

    public AccessHistoryServiceTests() => data = new AccessTestData(database);

    [Fact]
    public async Task A_customer_sees_only_their_own_sessions_requests_and_sign_ins()
    {
        var alice = data.Customer("alice");
        var bob = data.Customer("bob");
        var aliceSession = data.Session(alice, data.Now.AddDays(-2), ending: SessionEnding.EndedByAgent, endedAt: data.Now.AddDays(-2).AddMinutes(5));
        var bobSession = data.Session(bob, data.Now.AddDays(-1), ending: SessionEnding.EndedByAgent, endedAt: data.Now.AddDays(-1).AddMinutes(5));
        var alicePending = data.Request(alice, data.Now.AddHours(-1));
        data.Request(bob, data.Now.AddHours(-1));
        var bobDenied = data.Request(bob, data.Now.AddDays(-3), status: AccessRequestStatus.Denied);
        data.SignIns(alice, 2, "198.51.100.x");
        data.SignIns(bob, 3, "192.0.2.x");
        // A change in bob's session, even one wrongly pointing at alice's session id, stays bob's.
        data.PhoneChange(bob, data.Now.AddDays(-2), aliceSession.Id);

        var history = await data.History(alice).GetAsync();

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
        var alice = data.Customer("alice");
        var older = data.Session(alice, data.Now.AddDays(-5), ending: SessionEnding.EndedByAgent, endedAt: data.Now.AddDays(-5).AddMinutes(10));
        var newer = data.Session(alice, data.Now.AddDays(-1), ending: SessionEnding.EndedByAdmin, endedAt: data.Now.AddDays(-1).AddMinutes(3));
        data.PhoneChange(alice, older.StartedAt.AddMinutes(2), older.Id);
        data.ConsentChange(alice, older.StartedAt.AddMinutes(4), older.Id);
        data.PhoneChange(alice, data.Now.AddHours(-1), sessionId: null, actor: alice);

        var sessions = (await data.History(alice).GetAsync()).Sessions.Items;

        Assert.Equal([newer.Id, older.Id], sessions.Select(s => s.Id));
        Assert.Empty(sessions[0].Actions);
        Assert.Collection(sessions[1].Actions,
            phone =>
            {
                Assert.Equal("Phone changed", phone.What);
                Assert.Equal("From +1 415-555-0100 to +1 415-555-0142", phone.Detail);
            },
            consent => Assert.Equal("New and upgraded Com 1 products and services by email: allowed", consent.What));
    }

    [Fact]
    public async Task Each_session_says_how_it_ended_and_one_nobody_ended_ends_at_its_expiry()
    {
        var alice = data.Customer("alice");
        var byAgent = data.Session(alice, data.Now.AddHours(-5), ending: SessionEnding.EndedByAgent, endedAt: data.Now.AddHours(-5).AddMinutes(8));
        var byAdmin = data.Session(alice, data.Now.AddHours(-4), ending: SessionEnding.EndedByAdmin, endedAt: data.Now.AddHours(-4).AddMinutes(2));
        var ranOut = data.Session(alice, data.Now.AddHours(-3), minutes: 20);
        var active = data.Session(alice, data.Now.AddMinutes(-5), minutes: 30);

        var sessions = (await data.History(alice).GetAsync()).Sessions.Items.ToDictionary(s => s.Id);

        Assert.Equal((SessionState.EndedByAgent, byAgent.EndedAt!.Value), (sessions[byAgent.Id].State, sessions[byAgent.Id].EndsAt));
        Assert.Equal((SessionState.EndedByAdmin, byAdmin.EndedAt!.Value), (sessions[byAdmin.Id].State, sessions[byAdmin.Id].EndsAt));
        Assert.Equal((SessionState.TimeRanOut, ranOut.ExpiresAt), (sessions[ranOut.Id].State, sessions[ranOut.Id].EndsAt));
        Assert.Equal((SessionState.Active, active.ExpiresAt), (sessions[active.Id].State, sessions[active.Id].EndsAt));
        Assert.Equal("Ended by itself when its time ran out", sessions[ranOut.Id].State.Describe());
    }

    [Fact]
    public async Task A_request_left_unanswered_for_24_hours_moves_to_past_requests_as_expired()
    {
        var bob = data.Customer("bob");
        var request = data.Request(bob, data.Now.AddHours(-2));
        Assert.Equal(TimeSpan.FromHours(22), Assert.Single((await data.History(bob).GetAsync()).PendingRequests).TimeLeftAt(data.Now));

        data.Clock.Advance(TimeSpan.FromHours(22));
        var history = await data.History(bob).GetAsync();

        Assert.Empty(history.PendingRequests);
        var past = Assert.Single(history.PastRequests);
        Assert.Equal((request.Id, RequestOutcome.Expired), (past.Id, past.Outcome));
    }

    [Fact]
    public async Task Sessions_come_ten_at_a_time_newest_first()
    {
        var alice = data.Customer("alice");
        for (var day = 1; day <= 12; day++)
        {
            data.Session(alice, data.Now.AddDays(-day), ending: SessionEnding.EndedByAgent, endedAt: data.Now.AddDays(-day).AddMinutes(1), ticket: $"T-{day}");
        }
        var service = data.History(alice);

        var first = (await service.GetAsync()).Sessions;
        var older = await service.GetOlderSessionsAsync(first.OlderThan!.Value);

        Assert.Equal(Enumerable.Range(1, 10).Select(d => $"T-{d}"), first.Items.Select(s => s.Ticket));
        Assert.Equal(["T-11", "T-12"], older.Items.Select(s => s.Ticket));
        Assert.Null(older.OlderThan);
    }

    [Fact]
    public async Task The_last_50_sign_ins_are_shown_newest_first_with_why_a_failure_failed()
    {
        var alice = data.Customer("alice");
        data.SignIns(alice, 60);

        var signIns = (await data.History(alice).GetAsync()).SignIns;

        Assert.Equal(AccessHistoryService.SignInsShown, signIns.Count);
        Assert.Equal(signIns.OrderByDescending(s => s.At), signIns);
        Assert.Equal(data.Now, signIns[0].At);
        Assert.Equal("Failed: wrong password", signIns.First(s => !s.Succeeded).How);
    }

    [Theory]
    [InlineData(Roles.SupportAgent)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Billing)]
    public async Task Staff_get_no_access_page_data(string role)
    {
        var alice = data.Customer("alice");
        data.Session(alice, data.Now.AddDays(-1));
        var staff = SignedIn.User(SignedIn.As("staff-1", "Staff Member", role), database, data.Clock);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => data.History(staff).GetAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => data.History(staff).GetOlderSessionsAsync(data.Now));
    }

    public void Dispose() => database.Dispose();
}
