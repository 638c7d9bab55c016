using System.Security.Claims;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Help;
using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Tests.Features.Support.Help;

/// <summary>"Get help": asking, seeing and closing requests, only ever one's own, on a real database and a fake clock.</summary>
public sealed class HelpRequestsTests() : ServiceTest(now: new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero))
{
    private TestCustomer alice = null!;
    private TestCustomer bob = null!;

    protected override async Task ArrangeAsync()
    {
        alice = await Kit.Customers.NewAsync("Alice Help");
        bob = await Kit.Customers.NewAsync("Bob Help");
    }

    private HelpRequests HelpFor(ClaimsPrincipal principal) => Kit.As(principal).Get<HelpRequests>();

    private static HelpRequestForm Form(int? minutes = null) =>
        new() { Subject = "Mail bounces", Description = "Mail to info@ my domain bounces since Monday.", AccessMinutes = minutes };

    private async Task<string> AskAsync(TestCustomer customer, int? minutes = null) =>
        Assert.IsType<HelpResult.Saved>(await HelpFor(customer.Principal).CreateAsync(Form(minutes))).Reference;

    [Fact]
    public async Task Asking_gives_a_reference_and_an_open_request_with_the_customer_as_actor()
    {
        var reference = await AskAsync(alice, minutes: 15);

        Assert.Matches("^HELP-[0-9]{6}$", reference);
        var listed = Assert.Single(await HelpFor(alice.Principal).ListAsync());
        Assert.Equal((reference, "Mail bounces", HelpRequestStatus.Open, 15), (listed.Reference, listed.Subject, listed.Status, listed.AccessMinutes));
        var view = (await HelpFor(alice.Principal).GetAsync(reference))!;
        var step = Assert.Single(view.Steps);
        Assert.Equal(("Asked for help", "You"), (step.What, step.By));
        await using var db = Kit.CreateDbContext();
        var stored = await db.HelpRequestSteps.SingleAsync();
        Assert.Equal((alice.Id, ChangeSource.Customer, Kit.Now), (stored.ActorUserId, stored.Source, stored.At));
    }

    [Fact]
    public async Task Another_customers_request_is_not_found_listed_or_closed()
    {
        var reference = await AskAsync(alice, minutes: 15);

        Assert.Empty(await HelpFor(bob.Principal).ListAsync());
        Assert.Null(await HelpFor(bob.Principal).GetAsync(reference));
        var refused = Assert.IsType<HelpResult.Refused>(await HelpFor(bob.Principal).CloseAsync(reference));
        Assert.Equal(HelpRequests.NotFound, refused.Message);
        Assert.Equal(HelpRequestStatus.Open, (await HelpFor(alice.Principal).GetAsync(reference))!.Status);
    }

    [Theory]
    [InlineData("", "Described", null, "Subject")]
    [InlineData("   ", "Described", null, "Subject")]
    [InlineData("Subject", "", null, "Description")]
    [InlineData("Subject", "Described", 999, "AccessMinutes")]
    [InlineData("Subject", "Described", 0, "AccessMinutes")]
    public async Task A_form_with_a_missing_or_wrong_field_says_so_at_the_field_and_saves_nothing(
        string subject, string description, int? minutes, string field)
    {
        var result = await HelpFor(alice.Principal).CreateAsync(new HelpRequestForm { Subject = subject, Description = description, AccessMinutes = minutes });

        var invalid = Assert.IsType<HelpResult.Invalid>(result);
        Assert.Equal([field], invalid.Errors.Keys);
        await using var db = Kit.CreateDbContext();
        Assert.Empty(await db.HelpRequests.ToListAsync());
    }

    [Fact]
    public async Task Text_over_the_limits_is_refused_at_its_field()
    {
        var result = await HelpFor(alice.Principal).CreateAsync(new HelpRequestForm
        {
            Subject = new string('s', HelpRequestForm.MaxSubject + 1), Description = new string('d', HelpRequestForm.MaxDescription + 1),
        });

        var invalid = Assert.IsType<HelpResult.Invalid>(result);
        Assert.Equal(["Description", "Subject"], invalid.Errors.Keys.Order());
        Assert.Contains("120 characters", invalid.Errors["Subject"][0]);
    }

    [Fact]
    public async Task Support_in_a_session_can_neither_ask_nor_close_for_the_customer_and_the_attempt_is_recorded()
    {
        var reference = await AskAsync(alice, minutes: 15);
        var agent = await Kit.Staff.NewAgentAsync("Dana Help");
        var session = await Kit.SupportBy(agent).SessionAsync(alice.Id, Kit.Now.AddMinutes(-1));
        var inSession = HelpFor(Principals.InSession(alice.Id, session.Id, agent.Id, agent.Name));

        Assert.Equal(HelpRequests.OnlyTheAccountHolder, Assert.IsType<HelpResult.Refused>(await inSession.CreateAsync(Form())).Message);
        Assert.Equal(HelpRequests.OnlyTheAccountHolder, Assert.IsType<HelpResult.Refused>(await inSession.CloseAsync(reference)).Message);

        await using var db = Kit.CreateDbContext();
        Assert.Equal(HelpRequestStatus.Open, (await db.HelpRequests.SingleAsync()).Status);
        Assert.Equal(2, await db.SupportAttempts.CountAsync(a => a.AgentUserId == agent.Id && a.Refusal == SupportRefusal.ForbiddenDuringSession));
    }

    [Fact]
    public async Task The_customer_closes_the_request_and_the_timeline_says_they_did()
    {
        var reference = await AskAsync(alice, minutes: 15);
        Kit.Clock.Advance(TimeSpan.FromHours(2));

        Assert.IsType<HelpResult.Saved>(await HelpFor(alice.Principal).CloseAsync(reference));

        var view = (await HelpFor(alice.Principal).GetAsync(reference))!;
        Assert.Equal((HelpRequestStatus.Closed, 0), (view.Status, view.MinutesLeft));
        Assert.Equal(("Closed", "You"), (view.Steps[^1].What, view.Steps[^1].By));
        Assert.IsType<HelpResult.Refused>(await HelpFor(alice.Principal).CloseAsync(reference));
    }

    [Fact]
    public async Task A_quiet_request_closes_itself_after_the_quiet_days_recorded_as_the_panel()
    {
        var reference = await AskAsync(alice);
        var closing = Kit.Get<HelpRequestQuietClosing>();

        Kit.Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await closing.RunOnceAsync());
        Kit.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await closing.RunOnceAsync());

        var view = (await HelpFor(alice.Principal).GetAsync(reference))!;
        Assert.Equal(HelpRequestStatus.Closed, view.Status);
        Assert.Equal(("Closed after a quiet period", "Com 1 Control Panel"), (view.Steps[^1].What, view.Steps[^1].By));
        await using var db = Kit.CreateDbContext();
        var closedBy = await db.HelpRequestSteps.Where(s => s.Kind == HelpStepKind.ClosedAfterQuietPeriod).Select(s => new { s.ActorUserId, s.Source }).SingleAsync();
        Assert.Equal((Actor.System.UserId, ChangeSource.System), (closedBy.ActorUserId, closedBy.Source));
    }
}
