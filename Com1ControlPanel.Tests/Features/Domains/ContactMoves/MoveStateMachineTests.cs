using Com1ControlPanel.Features.Domains.ContactMoves;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Tests.Features.Hostmaster;

namespace Com1ControlPanel.Tests.Features.Domains.ContactMoves;

/// <summary>
/// A request moves only forward: open, then taken (by one hostmaster) or cancelled (by the customer); taken, then completed
/// or rejected by the hostmaster who took it. Every step is kept with who took it and when.
/// </summary>
public sealed class MoveStateMachineTests
{
    private static readonly DateTime At = new(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Customer = new("cust-1", "Dora Domain", ChangeSource.Customer);
    private static readonly Actor Agent = new("agent-1", "Dana Agent", ChangeSource.SupportOnBehalf) { SupportSessionId = Guid.NewGuid() };
    private static readonly Actor Hana = new("host-1", "Hana Hostmaster", ChangeSource.Hostmaster);
    private static readonly Actor Hugo = new("host-2", "Hugo Hostmaster", ChangeSource.Hostmaster);

    private static TechnicalContactMove NewMove(Actor? by = null) =>
        TechnicalContactMove.Submit(7, "cust-1", MoveSteps.Rheinhost().ToContact(), "Note", by ?? Customer, At);

    [Fact]
    public void A_new_request_is_open_and_remembers_who_asked_and_the_company_as_the_registry_takes_it()
    {
        var move = NewMove(Agent);

        Assert.Equal((MoveStatus.Open, 1, true), (move.Status, move.Version, move.IsOpen));
        Assert.Equal(("Rheinhost GmbH", "Jana Roth", "+4922112345678", "DE"), (move.Company, move.ContactPerson, move.Phone, move.CountryCode));
        var step = Assert.Single(move.Steps);
        Assert.Equal((MoveStepKind.Submitted, At, "agent-1", ChangeSource.SupportOnBehalf, Agent.SupportSessionId),
            (step.Kind, step.At, step.ActorUserId, step.Source, step.SupportSessionId));
    }

    [Fact]
    public void One_hostmaster_takes_a_request_and_nobody_else_can_take_or_finish_it()
    {
        var move = NewMove();

        move.Take(Hana, At.AddHours(1));

        Assert.Equal((MoveStatus.Taken, "host-1", "Hana Hostmaster", At.AddHours(1), 2),
            (move.Status, move.TakenByUserId, move.TakenByName, move.TakenAt, move.Version));
        Assert.Equal("Hana Hostmaster is already working on this request.", move.Refusal(MoveStepKind.Taken, "host-2"));
        Assert.Equal("You are already working on this request.", move.Refusal(MoveStepKind.Taken, "host-1"));
        Assert.Equal("Hana Hostmaster is working on this request: only they can finish it.", move.Refusal(MoveStepKind.Completed, "host-2"));
        Assert.Equal("Hana Hostmaster is working on this request: only they can finish it.", move.Refusal(MoveStepKind.Rejected, "host-2"));
        Assert.Throws<InvalidOperationException>(() => move.Take(Hugo, At.AddHours(2)));
        Assert.Throws<InvalidOperationException>(() => move.Complete(Hugo, At.AddHours(2)));
        Assert.Equal(MoveStatus.Taken, move.Status);
    }

    [Fact]
    public void The_customer_cancels_while_the_request_waits_but_not_once_a_hostmaster_took_it()
    {
        var waiting = NewMove();
        var taken = NewMove();
        taken.Take(Hana, At);

        waiting.Cancel(Customer, At.AddMinutes(5));

        Assert.Equal((MoveStatus.Cancelled, At.AddMinutes(5), false), (waiting.Status, waiting.ClosedAt, waiting.IsOpen));
        Assert.Equal("A hostmaster is already working on this request, so it can no longer be cancelled.",
            taken.Refusal(MoveStepKind.Cancelled, "cust-1"));
        Assert.Throws<InvalidOperationException>(() => taken.Cancel(Customer, At));
    }

    [Fact]
    public void Completing_needs_the_request_taken_first_and_then_closes_it()
    {
        var move = NewMove();
        Assert.Equal("Take the request first: then it is yours to finish.", move.Refusal(MoveStepKind.Completed, "host-1"));

        move.Take(Hana, At);
        var step = move.Complete(Hana, At.AddHours(3));

        Assert.Equal((MoveStatus.Completed, At.AddHours(3), 3), (move.Status, move.ClosedAt, move.Version));
        Assert.Equal((MoveStepKind.Completed, "host-1", ChangeSource.Hostmaster), (step.Kind, step.ActorUserId, step.Source));
        Assert.Equal([MoveStepKind.Submitted, MoveStepKind.Taken, MoveStepKind.Completed], move.Steps.Select(s => s.Kind));
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_keeps_it_for_the_customer()
    {
        var move = NewMove();
        move.Take(Hana, At);

        Assert.Throws<ArgumentException>(() => move.Reject(Hana, "  ", At));
        var step = move.Reject(Hana, "  The company is not accredited with the .example registry.  ", At.AddHours(1));

        Assert.Equal((MoveStatus.Rejected, "The company is not accredited with the .example registry."), (move.Status, step.Reason));
    }

    public static TheoryData<MoveStatus, MoveStepKind, string> FinishedRequests => new()
    {
        { MoveStatus.Cancelled, MoveStepKind.Completed, "The customer cancelled this request." },
        { MoveStatus.Cancelled, MoveStepKind.Taken, "The customer cancelled this request." },
        { MoveStatus.Completed, MoveStepKind.Completed, "This request is already completed: the Technical Contact has moved." },
        { MoveStatus.Completed, MoveStepKind.Rejected, "This request is already completed: the Technical Contact has moved." },
        { MoveStatus.Completed, MoveStepKind.Cancelled, "This request is already completed: the Technical Contact has moved." },
        { MoveStatus.Rejected, MoveStepKind.Completed, "This request was rejected." },
        { MoveStatus.Rejected, MoveStepKind.Taken, "This request was rejected." },
    };

    [Theory]
    [MemberData(nameof(FinishedRequests))]
    public void A_finished_request_takes_no_further_step(MoveStatus finished, MoveStepKind step, string refusal)
    {
        var move = NewMove();
        switch (finished)
        {
            case MoveStatus.Cancelled:
                move.Cancel(Customer, At);
                break;
            case MoveStatus.Completed:
                move.Take(Hana, At);
                move.Complete(Hana, At);
                break;
            default:
                move.Take(Hana, At);
                move.Reject(Hana, "Not accredited.", At);
                break;
        }

        Assert.Equal(refusal, move.Refusal(step, "host-1"));
        Assert.Throws<InvalidOperationException>(() => _ = step switch
        {
            MoveStepKind.Taken => move.Take(Hana, At),
            MoveStepKind.Cancelled => move.Cancel(Customer, At),
            MoveStepKind.Rejected => move.Reject(Hana, "Again.", At),
            _ => move.Complete(Hana, At),
        });
        Assert.Equal(finished, move.Status);
    }

    [Fact]
    public void Only_a_hostmaster_works_a_request_and_only_the_customer_side_asks_or_cancels()
    {
        var move = NewMove();

        Assert.Throws<UnauthorizedAccessException>(() => move.Take(Customer, At));
        Assert.Throws<UnauthorizedAccessException>(() => move.Cancel(Hana, At));
        Assert.Throws<UnauthorizedAccessException>(() => NewMove(Hana));
        Assert.Throws<UnauthorizedAccessException>(() =>
            NewMove(new Actor("billing-1", "Sam Patel", ChangeSource.BillingOnBehalf)));
        Assert.Equal(MoveStatus.Open, move.Status);
        Assert.Single(move.Steps);
    }
}
