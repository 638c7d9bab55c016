using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Console;
using Com1ControlPanel.Features.Support.Help;
using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Tests.Features.Support.Help;

/// <summary>
/// Sessions started from a help request: the customer's permission in it is their approval, for that request only, for the
/// minutes they chose, and only while it is open.
/// </summary>
public sealed class HelpRequestSessionsTests() : ServiceTest(now: new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero))
{
    private TestCustomer bob = null!;
    private TestCustomer alice = null!;

    protected override async Task ArrangeAsync()
    {
        // Bob requires approval for every support session.
        bob = await Kit.Customers.NewAsync("Bob Asks First", with: c => c.RequireSupportApproval = true);
        alice = await Kit.Customers.NewAsync("Alice Other");
        await Kit.Staff.NewAgentAsync("Dana Agent", id: "agent-1");
    }

    private SupportSessions Agent => Kit.As(Principals.Agent()).Get<SupportSessions>();

    private async Task<string> AskAsync(TestCustomer customer, int? minutes) =>
        Assert.IsType<HelpResult.Saved>(await Kit.As(customer.Principal).Get<HelpRequests>().CreateAsync(
            new HelpRequestForm { Subject = "Backups fail", Description = "The nightly backup fails.", AccessMinutes = minutes })).Reference;

    private static SupportStartForm FormFor(TestCustomer customer, string reference, int minutes = 30) => new()
    {
        CustomerId = customer.Id, Reason = SupportReason.CustomerInitiated, Ticket = "anything", Note = "Look at the backup settings",
        Minutes = minutes, HelpRequest = reference,
    };

    private async Task AssertRefusedAsync(SupportStartForm form)
    {
        var refused = Assert.IsType<SupportStartResult.Refused>(await Agent.StartAsync(form));
        Assert.Equal(SupportRefusal.HelpRequestNotUsable, refused.Refusal);
        await using var db = Kit.CreateDbContext();
        Assert.Contains(await db.SupportAttempts.ToListAsync(), a => a.Refusal == SupportRefusal.HelpRequestNotUsable && a.AgentUserId == "agent-1");
    }

    [Fact]
    public async Task A_customer_who_requires_approval_is_helped_under_their_request_for_no_longer_than_they_allowed()
    {
        var reference = await AskAsync(bob, minutes: 20);

        var session = Assert.IsType<SupportStartResult.Started>(await Agent.StartAsync(FormFor(bob, reference, minutes: 30))).Session;

        Assert.Equal((reference, Kit.Now.AddMinutes(20), (Guid?)null), (session.Ticket, session.ExpiresAt, session.AccessRequestId));
        var view = (await Kit.As(bob.Principal).Get<HelpRequests>().GetAsync(reference))!;
        Assert.Equal(HelpRequestStatus.InProgress, view.Status);
        Assert.Equal(session.Id, Assert.Single(view.Sessions).Id);
        Assert.Equal(("Support started a session in your account", "Com 1 support (Dana Agent) on your behalf"),
            (view.Steps[^1].What, view.Steps[^1].By));
        await using var db = Kit.CreateDbContext();
        var step = await db.HelpRequestSteps.SingleAsync(s => s.Kind == HelpStepKind.SessionStarted);
        Assert.Equal(("agent-1", ChangeSource.SupportOnBehalf, session.Id), (step.ActorUserId, step.Source, step.SupportSessionId));
    }

    [Fact]
    public async Task The_minutes_allowed_are_for_all_sessions_of_the_request_together()
    {
        var reference = await AskAsync(bob, minutes: 20);
        var first = Assert.IsType<SupportStartResult.Started>(await Agent.StartAsync(FormFor(bob, reference, minutes: 15))).Session;
        Kit.Clock.Advance(TimeSpan.FromMinutes(16));

        var second = Assert.IsType<SupportStartResult.Started>(await Agent.StartAsync(FormFor(bob, reference, minutes: 15))).Session;

        Assert.Equal(Kit.Now.AddMinutes(5), second.ExpiresAt);
        Assert.NotEqual(first.Id, second.Id);
        Kit.Clock.Advance(TimeSpan.FromMinutes(6));
        await AssertRefusedAsync(FormFor(bob, reference));
    }

    [Fact]
    public async Task A_closed_request_grants_nothing_and_starts_nothing()
    {
        var reference = await AskAsync(bob, minutes: 30);
        Assert.IsType<HelpResult.Saved>(await Kit.As(bob.Principal).Get<HelpRequests>().CloseAsync(reference));

        await AssertRefusedAsync(FormFor(bob, reference));

        await using var db = Kit.CreateDbContext();
        Assert.Empty(await db.SupportSessions.ToListAsync());
    }

    [Fact]
    public async Task A_request_closed_after_its_quiet_period_grants_nothing()
    {
        var reference = await AskAsync(bob, minutes: 30);
        Kit.Clock.Advance(TimeSpan.FromDays(15));
        await Kit.Get<HelpRequestQuietClosing>().RunOnceAsync();

        await AssertRefusedAsync(FormFor(bob, reference));
    }

    [Fact]
    public async Task A_request_without_permission_or_of_another_customer_grants_nothing()
    {
        var withoutPermission = await AskAsync(bob, minutes: null);
        var alices = await AskAsync(alice, minutes: 30);

        await AssertRefusedAsync(FormFor(bob, withoutPermission));
        await AssertRefusedAsync(FormFor(bob, alices));
        await AssertRefusedAsync(FormFor(bob, "HELP-999999"));

        await using var db = Kit.CreateDbContext();
        Assert.Empty(await db.SupportSessions.ToListAsync());
    }

    [Fact]
    public async Task Without_a_request_a_customer_who_requires_approval_still_needs_it()
    {
        await AskAsync(bob, minutes: 30);

        var form = FormFor(bob, reference: "");
        var refused = Assert.IsType<SupportStartResult.Refused>(await Agent.StartAsync(form));

        Assert.Equal(SupportRefusal.ApprovalRequired, refused.Refusal);
    }

    [Fact]
    public async Task The_console_lists_open_requests_with_the_minutes_left_and_never_closed_ones()
    {
        var open = await AskAsync(bob, minutes: 20);
        var closed = await AskAsync(alice, minutes: 10);
        await Kit.As(alice.Principal).Get<HelpRequests>().CloseAsync(closed);

        var listed = Assert.Single(await Kit.As(Principals.Agent()).Get<OpenHelpRequests>().ListAsync());

        Assert.Equal((open, bob.Id, 20), (listed.Reference, listed.CustomerId, listed.MinutesLeft));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Kit.As(bob.Principal).Get<OpenHelpRequests>().ListAsync());
    }
}
