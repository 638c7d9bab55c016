using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Profile;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;

namespace Com1ControlPanel.Tests.Features.Support;

/// <summary>Starting sessions and asking for access, on a real database and a fake clock.</summary>
public sealed class SupportSessionsTests() : ServiceTest(now: new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero))
{
    protected override async Task ArrangeAsync()
    {
        await Kit.Customers.NewAsync("Alice Test", id: "alice");
        await Kit.Customers.NewAsync("Bob Test", id: "bob", with: c => c.RequireSupportApproval = true);
        await Kit.Customers.NewAsync("Carol Test", id: "carol", with: c => c.Status = AccountStatus.Closed);
        await Kit.Staff.NewAgentAsync("Other Agent", id: "agent-2");
        // The agent the tests sign in as: a real account, since a session records its security stamp.
        await Kit.Staff.NewAgentAsync("Dana Agent", id: "agent-1");
    }

    private DateTime Now => Kit.Now;

    private SupportSessions ServiceFor(System.Security.Claims.ClaimsPrincipal principal) => Kit.As(principal).Get<SupportSessions>();

    private static SupportStartForm Form(string customerId, int minutes = 20, SupportReason reason = SupportReason.CustomerInitiated) => new()
    {
        CustomerId = customerId, Reason = reason, Ticket = "T-77", Note = "Fix the phone number", Minutes = minutes,
    };

    [Fact]
    public async Task A_started_session_records_the_agent_reason_and_expiry_and_tells_the_customer_by_email()
    {
        var result = await ServiceFor(Principals.Agent()).StartAsync(Form("alice"));

        var session = Assert.IsType<SupportStartResult.Started>(result).Session;
        await using var db = Kit.CreateDbContext();
        var stored = await db.SupportSessions.SingleAsync();
        Assert.Equal(("agent-1", "Dana Agent", "alice", SupportReason.CustomerInitiated, "T-77", Now, Now.AddMinutes(20)),
            (stored.AgentUserId, stored.AgentName, stored.CustomerId, stored.Reason, stored.Ticket, stored.StartedAt, stored.ExpiresAt));
        Assert.Equal(session.Id, stored.Id);
        var email = await db.OutboxMessages.SingleAsync();
        Assert.Equal(("alice", "alice@example.com", MessageCategory.Essential), (email.RecipientUserId, email.ToAddress, email.Category));
        Assert.Contains("Dana Agent", email.TextBody);
        Assert.Contains(await db.Notifications.ToListAsync(), n => n.UserId == "alice" && n.Link == "access");
    }

    [Fact]
    public async Task The_customer_reads_the_session_times_in_their_own_zone_with_the_zone_named()
    {
        // Never seen in a browser yet: the zone comes from the customer's country (Germany, UTC+1 in November).
        await Kit.Customers.NewAsync("Dora Berlin", id: "dora", country: "DE");

        await ServiceFor(Principals.Agent()).StartAsync(Form("dora"));

        await using var db = Kit.CreateDbContext();
        var email = await db.OutboxMessages.SingleAsync(m => m.RecipientUserId == "dora");
        var notification = await db.Notifications.SingleAsync(n => n.UserId == "dora");
        foreach (var text in new[] { email.TextBody!, email.PanelText, notification.Text })
        {
            Assert.Contains("at 11:00 UTC+1", text);
            Assert.Contains("by 11:20 UTC+1", text);
            Assert.DoesNotContain("10:00", text);
        }
    }

    [Theory]
    [InlineData(SupportReason.CustomerInitiated)]
    [InlineData(SupportReason.BillingQuestion)]
    [InlineData(SupportReason.TechnicalIncident)]
    [InlineData(SupportReason.ComplianceReview)]
    public async Task The_reason_reads_the_same_in_the_customers_email_notification_and_on_who_accessed_my_account(SupportReason reason)
    {
        var agent = ServiceFor(Principals.Agent());
        Assert.IsType<SupportStartResult.Started>(await agent.StartAsync(Form("alice", reason: reason)));
        Assert.IsType<SupportStartResult.AwaitingApproval>(await agent.RequestAccessAsync(Form("bob", reason: reason)));

        var onAccessPage = (await Kit.As(Principals.Customer("alice")).Get<Com1ControlPanel.Features.Support.Access.AccessHistoryService>().GetAsync()).Sessions.Items.Single().Reason;
        await using var db = Kit.CreateDbContext();
        var email = await db.OutboxMessages.SingleAsync(m => m.RecipientUserId == "alice");
        Assert.Contains($"Reason: {onAccessPage} (ticket T-77)", email.TextBody);
        Assert.Contains($"Reason: {onAccessPage} (ticket T-77)", email.PanelText);
        Assert.Contains(await db.Notifications.ToListAsync(), n => n.UserId == "alice" && n.Text.Contains($"Reason: {onAccessPage} (ticket T-77)"));
        Assert.Contains(await db.Notifications.ToListAsync(), n => n.UserId == "bob" && n.Text.Contains($"Reason: {onAccessPage} (ticket T-77)"));
    }

    [Theory]
    [InlineData("carol", SupportRefusal.AccountClosed)]
    [InlineData("agent-2", SupportRefusal.TargetIsStaff)]
    [InlineData("agent-1", SupportRefusal.OwnAccount)]
    [InlineData("nobody", SupportRefusal.InvalidRequest)]
    public async Task A_refused_start_is_recorded_and_starts_nothing(string customerId, SupportRefusal expected)
    {
        var result = await ServiceFor(Principals.Agent()).StartAsync(Form(customerId));

        Assert.Equal(expected, Assert.IsType<SupportStartResult.Refused>(result).Refusal);
        await using var db = Kit.CreateDbContext();
        Assert.Empty(await db.SupportSessions.ToListAsync());
        Assert.Empty(await db.OutboxMessages.ToListAsync());
        var attempt = await db.SupportAttempts.SingleAsync();
        Assert.Equal(("agent-1", expected), (attempt.AgentUserId, attempt.Refusal));
    }

    [Fact]
    public async Task An_agent_in_a_session_cannot_start_another_and_the_attempt_names_the_real_agent()
    {
        var result = await ServiceFor(Principals.InSession("alice", Guid.NewGuid())).StartAsync(Form("bob"));

        Assert.Equal(SupportRefusal.AlreadyInSession, Assert.IsType<SupportStartResult.Refused>(result).Refusal);
        await using var db = Kit.CreateDbContext();
        Assert.Equal("agent-1", (await db.SupportAttempts.SingleAsync()).AgentUserId);
        Assert.Empty(await db.SupportSessions.ToListAsync());
    }

    [Fact]
    public async Task A_customer_who_requires_approval_cannot_be_accessed_without_it()
    {
        var result = await ServiceFor(Principals.Agent()).StartAsync(Form("bob"));

        Assert.Equal(SupportRefusal.ApprovalRequired, Assert.IsType<SupportStartResult.Refused>(result).Refusal);
        await using var db = Kit.CreateDbContext();
        Assert.Empty(await db.SupportSessions.ToListAsync());
        Assert.Empty(await db.SupportAccessRequests.ToListAsync());
        Assert.Equal(SupportRefusal.ApprovalRequired, (await db.SupportAttempts.SingleAsync()).Refusal);
    }

    [Fact]
    public async Task Asking_creates_one_pending_request_that_expires_after_24_hours_and_notifies_the_customer()
    {
        var agent = ServiceFor(Principals.Agent());

        var first = Assert.IsType<SupportStartResult.AwaitingApproval>(await agent.RequestAccessAsync(Form("bob", 25))).Request;
        var again = Assert.IsType<SupportStartResult.AwaitingApproval>(await agent.RequestAccessAsync(Form("bob", 25))).Request;

        Assert.Equal(first.Id, again.Id);
        Assert.Equal((AccessRequestStatus.Pending, 25, Now.AddHours(24)), (first.Status, first.RequestedMinutes, first.AnswerBy));
        await using var db = Kit.CreateDbContext();
        Assert.Single(await db.SupportAccessRequests.ToListAsync());
        Assert.Single(await db.Notifications.Where(n => n.UserId == "bob").ToListAsync());
        Assert.Equal(first.Id, (await agent.GetStateAsync("bob")).Pending?.Id);

        Kit.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var state = await agent.GetStateAsync("bob");
        Assert.Null(state.Pending);
        Assert.Null(state.Approval);
        Assert.IsType<SupportStartResult.Refused>(await agent.StartAsync(Form("bob")));
        var fresh = Assert.IsType<SupportStartResult.AwaitingApproval>(await agent.RequestAccessAsync(Form("bob"))).Request;
        Assert.NotEqual(first.Id, fresh.Id);
    }

    [Fact]
    public async Task An_approval_opens_one_session_no_longer_than_the_customer_agreed_to()
    {
        var agent = ServiceFor(Principals.Agent());
        var request = Assert.IsType<SupportStartResult.AwaitingApproval>(await agent.RequestAccessAsync(Form("bob", 30))).Request;
        await AnswerAsync(request.Id, AccessRequestStatus.Approved, approvedMinutes: 10);

        var session = Assert.IsType<SupportStartResult.Started>(await agent.StartAsync(Form("bob", 30))).Session;

        Assert.Equal((request.Id, Now.AddMinutes(10)), (session.AccessRequestId, session.ExpiresAt));
        // The approval is used up: a second session needs a new one.
        Assert.Equal(SupportRefusal.ApprovalRequired,
            Assert.IsType<SupportStartResult.Refused>(await agent.StartAsync(Form("bob"))).Refusal);
    }

    [Fact]
    public async Task The_database_refuses_a_second_session_under_one_approval()
    {
        // What stops two starts that race past the service's check at the same moment.
        var agent = ServiceFor(Principals.Agent());
        var request = Assert.IsType<SupportStartResult.AwaitingApproval>(await agent.RequestAccessAsync(Form("bob", 15))).Request;
        await AnswerAsync(request.Id, AccessRequestStatus.Approved, approvedMinutes: 15);
        var first = Assert.IsType<SupportStartResult.Started>(await agent.StartAsync(Form("bob"))).Session;

        await using var db = Kit.CreateDbContext();
        db.SupportSessions.Add(new SupportSession
        {
            AgentUserId = first.AgentUserId, AgentName = first.AgentName, CustomerId = "bob", Ticket = "T-race",
            StartedAt = Now, ExpiresAt = Now.AddMinutes(5), AccessRequestId = request.Id,
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task An_approval_is_for_the_agent_who_asked_and_only_within_its_window()
    {
        var agent = ServiceFor(Principals.Agent());
        var request = Assert.IsType<SupportStartResult.AwaitingApproval>(await agent.RequestAccessAsync(Form("bob", 15))).Request;
        await AnswerAsync(request.Id, AccessRequestStatus.Approved, approvedMinutes: 15);

        var other = ServiceFor(Principals.Agent(id: "agent-9", name: "Someone Else"));
        Assert.IsType<SupportStartResult.Refused>(await other.StartAsync(Form("bob")));

        Kit.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(SupportRefusal.ApprovalRequired,
            Assert.IsType<SupportStartResult.Refused>(await agent.StartAsync(Form("bob"))).Refusal);
    }

    [Fact]
    public async Task A_denied_request_starts_nothing()
    {
        var agent = ServiceFor(Principals.Agent());
        var request = Assert.IsType<SupportStartResult.AwaitingApproval>(await agent.RequestAccessAsync(Form("bob"))).Request;
        await AnswerAsync(request.Id, AccessRequestStatus.Denied, approvedMinutes: null);

        Assert.Equal(SupportRefusal.ApprovalRequired,
            Assert.IsType<SupportStartResult.Refused>(await agent.StartAsync(Form("bob"))).Refusal);
        await using var db = Kit.CreateDbContext();
        Assert.Empty(await db.SupportSessions.ToListAsync());
    }

    [Fact]
    public async Task Changes_in_a_session_carry_the_agent_the_customer_and_the_session_and_stop_when_it_ends()
    {
        var session = Assert.IsType<SupportStartResult.Started>(await ServiceFor(Principals.Agent()).StartAsync(Form("alice", 10))).Session;
        var profile = Kit.As(Principals.InSession("alice", session.Id, "agent-1", "Dana Agent")).Get<ProfileService>();

        var form = (await profile.GetAsync()).Form;
        form.Phone = "(415) 555-0111";
        Assert.IsType<ProfileSaveResult.Saved>(await profile.SaveAsync(form));

        await using (var db = Kit.CreateDbContext())
        {
            var change = await db.ProfileChanges.SingleAsync();
            Assert.Equal(("alice", "agent-1", "Dana Agent", ChangeSource.SupportOnBehalf, session.Id),
                (change.CustomerId, change.ActorUserId, change.ActorName, change.Source, change.SupportSessionId));
        }

        Kit.Clock.Advance(TimeSpan.FromMinutes(10));
        form = (await Kit.As(Principals.Customer("alice")).Get<ProfileService>().GetAsync()).Form;
        form.City = "Oakland";
        await Assert.ThrowsAsync<SupportSessionEndedException>(() => profile.SaveAsync(form));
        await using (var db = Kit.CreateDbContext())
        {
            Assert.Single(await db.ProfileChanges.ToListAsync());
            Assert.Equal("San Francisco", (await db.Customers.SingleAsync(c => c.Id == "alice")).City);
        }
    }

    [Fact]
    public async Task The_email_address_cannot_be_changed_in_a_session_and_the_attempt_is_recorded()
    {
        var session = Assert.IsType<SupportStartResult.Started>(await ServiceFor(Principals.Agent()).StartAsync(Form("alice"))).Session;
        var emailChange = Kit.As(Principals.InSession("alice", session.Id)).Get<EmailChangeService>();

        var result = await emailChange.RequestAsync("agent-owned@example.com", "guess");

        Assert.Equal(EmailChangeService.OnlyTheCustomer, result.Error);
        await using var db = Kit.CreateDbContext();
        var attempt = await db.SupportAttempts.Select(a => new { a.AgentUserId, a.Refusal }).SingleAsync();
        Assert.Equal(("agent-1", SupportRefusal.ForbiddenDuringSession), (attempt.AgentUserId, attempt.Refusal));
        Assert.Equal(["alice@example.com"], await db.OutboxMessages.Select(m => m.ToAddress).ToListAsync());
    }

    [Fact]
    public async Task A_session_claim_for_another_customers_session_is_refused()
    {
        var session = Assert.IsType<SupportStartResult.Started>(await ServiceFor(Principals.Agent()).StartAsync(Form("alice"))).Session;
        var forged = Kit.As(Principals.InSession("bob", session.Id)).User;

        await Assert.ThrowsAsync<SupportSessionEndedException>(forged.GetCustomerIdAsync);
        await Assert.ThrowsAsync<SupportSessionEndedException>(forged.GetActorAsync);
    }

    [Fact]
    public async Task Nothing_of_the_account_can_be_read_once_the_session_has_run_out()
    {
        var session = Assert.IsType<SupportStartResult.Started>(await ServiceFor(Principals.Agent()).StartAsync(Form("alice", 5))).Session;
        var inSession = Kit.As(Principals.InSession("alice", session.Id)).User;
        Assert.Equal("alice", await inSession.GetUserIdAsync());

        Kit.Clock.Advance(TimeSpan.FromMinutes(5));

        await Assert.ThrowsAsync<SupportSessionEndedException>(inSession.GetUserIdAsync);
        await Assert.ThrowsAsync<SupportSessionEndedException>(inSession.GetCustomerIdAsync);
        await Assert.ThrowsAsync<SupportSessionEndedException>(inSession.GetActorAsync);
    }

    [Fact]
    public async Task Closing_as_expired_leaves_a_running_session_alone_and_closes_it_at_its_expiry_once_over()
    {
        var session = Assert.IsType<SupportStartResult.Started>(await ServiceFor(Principals.Agent()).StartAsync(Form("alice", 10))).Session;
        var ending = Kit.Get<SupportSessionEnding>();

        Assert.Null((await ending.CloseIfExpiredAsync(session.Id))!.EndedAt);

        Kit.Clock.Advance(TimeSpan.FromMinutes(12));
        var closed = await ending.CloseIfExpiredAsync(session.Id);
        Assert.Equal((session.ExpiresAt, SessionEnding.Expired), (closed!.EndedAt, closed.Ending));
    }

    private async Task AnswerAsync(Guid requestId, AccessRequestStatus status, int? approvedMinutes)
    {
        await using var db = Kit.CreateDbContext();
        var request = await db.SupportAccessRequests.SingleAsync(r => r.Id == requestId);
        request.Status = status;
        request.AnsweredAt = Now;
        request.ApprovedMinutes = approvedMinutes;
        request.WindowEndsAt = approvedMinutes is { } minutes ? Now.AddMinutes(minutes) : null;
        await db.SaveChangesAsync();
    }
}
