using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Features.Domains.ContactMoves;
using Com1ControlPanel.Features.Hostmaster;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Features.Domains;

namespace Com1ControlPanel.Tests.Features.Hostmaster;

/// <summary>
/// The queue shows open requests oldest first; one hostmaster takes a request, however many try at once; only they finish
/// it, and a rejection carries a reason the customer reads. Nobody but a hostmaster works the queue.
/// </summary>
public sealed class HostmasterQueueTests() : ServiceTest(DomainSteps.Start)
{
    private StaffMember hana = null!;

    protected override async Task ArrangeAsync() => hana = await Kit.NewHostmasterAsync("Hana Hostmaster");

    private HostmasterQueue Queue => Kit.QueueAs(hana.Principal);

    [Fact]
    public async Task Open_requests_come_oldest_first_with_whose_domain_it_is_and_finished_ones_leave_the_queue()
    {
        var (olga, older) = await Kit.CustomerWithDomainAsync("Olga Older");
        var (nina, newer) = await Kit.CustomerWithDomainAsync("Nina Newer");
        var (carl, cancelled) = await Kit.CustomerWithDomainAsync("Carl Cancelled");
        var first = await Kit.RequestMoveAsync(olga, older);
        Kit.Clock.Advance(TimeSpan.FromMinutes(5));
        await Kit.RequestMoveAsync(nina, newer, MoveSteps.Rheinhost("Newer Hosting AG"));
        var gone = await Kit.RequestMoveAsync(carl, cancelled);
        await Kit.MovesAs(carl.Principal).CancelAsync(cancelled.Id, gone);

        var queue = await Queue.GetAsync();

        Assert.Equal([older.Name, newer.Name], queue.Waiting.Select(m => m.Domain));
        var oldest = queue.Waiting[0];
        Assert.Equal((first, "Olga Older", olga.CustomerNumber, "The customer", DomainSteps.Start.UtcDateTime),
            (oldest.Id, oldest.CustomerName, oldest.CustomerNumber, oldest.SubmittedBy, oldest.SubmittedAt));
        Assert.Equal(("Com 1 Communications (Com 1 Hostmaster)", "Rheinhost GmbH", "+49 221 12345678", "Germany"),
            (oldest.TechnicalContact, oldest.Company, oldest.Phone, oldest.Country));
        Assert.Empty(queue.InProgress);
    }

    [Fact]
    public async Task A_taken_request_moves_to_in_progress_and_the_next_hostmaster_is_told_who_has_it()
    {
        var (customer, domain) = await Kit.CustomerWithDomainAsync();
        var id = await Kit.RequestMoveAsync(customer, domain);
        var hugo = await Kit.NewHostmasterAsync("Hugo Hostmaster");

        Assert.IsType<QueueResult.Done>(await Queue.TakeAsync(id));
        var second = await Kit.QueueAs(hugo.Principal).TakeAsync(id);

        Assert.Equal("Hana Hostmaster is already working on this request.", Assert.IsType<QueueResult.Refused>(second).Message);
        var mine = Assert.Single((await Queue.GetAsync()).InProgress, m => m.Id == id);
        Assert.Equal(("Hana Hostmaster", Kit.Now, true), (mine.TakenByName, mine.TakenAt, mine.TakenByMe));
        Assert.False(Assert.Single((await Kit.QueueAs(hugo.Principal).GetAsync()).InProgress, m => m.Id == id).TakenByMe);
        var steps = (await Kit.StoredMoveAsync(id)).Steps;
        Assert.Equal([(MoveStepKind.Submitted, customer.Id), (MoveStepKind.Taken, hana.Id)], steps.Select(s => (s.Kind, s.ActorUserId)));
        Assert.Equal(ChangeSource.Hostmaster, steps[1].Source);
    }

    [Fact]
    public async Task Of_hostmasters_taking_the_same_request_at_once_exactly_one_gets_it()
    {
        var (customer, domain) = await Kit.CustomerWithDomainAsync();
        var id = await Kit.RequestMoveAsync(customer, domain);
        var hostmasters = new List<StaffMember> { hana };
        for (var i = 0; i < 4; i++)
        {
            hostmasters.Add(await Kit.NewHostmasterAsync());
        }
        var queues = hostmasters.Select(h => Kit.QueueAs(h.Principal)).ToList();

        var results = await Task.WhenAll(queues.Select(q => Task.Run(() => q.TakeAsync(id))));

        Assert.Single(results, r => r is QueueResult.Done);
        Assert.All(results.Where(r => r is not QueueResult.Done), r => Assert.IsType<QueueResult.Refused>(r));
        var stored = await Kit.StoredMoveAsync(id);
        var taken = Assert.Single(stored.Steps, s => s.Kind == MoveStepKind.Taken);
        Assert.Equal((MoveStatus.Taken, taken.ActorUserId), (stored.Status, stored.TakenByUserId));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_the_customer_reads_it_in_the_timeline_their_email_and_a_notification()
    {
        var (customer, domain) = await Kit.CustomerWithDomainAsync();
        var id = await Kit.TakenMoveAsync(customer, domain, hana);

        var empty = await Queue.RejectAsync(id, new RejectForm { Reason = " " });
        var result = await Queue.RejectAsync(id, new RejectForm { Reason = "Rheinhost GmbH is not accredited with the .example registry." });

        Assert.Equal(["Reason"], Assert.IsType<QueueResult.Invalid>(empty).Errors.Keys);
        Assert.IsType<QueueResult.Done>(result);
        var moves = (await Kit.MovesAs(customer.Principal).GetAsync(domain.Id))!;
        Assert.Null(moves.Open);
        var rejected = Assert.Single(moves.Earlier).Timeline[^1];
        Assert.Equal((MoveStepKind.Rejected, "Com 1 hostmaster (Hana Hostmaster)", "Rheinhost GmbH is not accredited with the .example registry."),
            (rejected.Kind, rejected.By, rejected.Reason));
        Assert.Null(await Kit.TechnicalContactAsync(domain.Id));
        await using var db = Kit.CreateDbContext();
        var mail = await db.OutboxMessages.SingleAsync(m => m.RecipientUserId == customer.Id);
        Assert.Equal(($"The Technical Contact of {domain.Name} was not moved", MessageCategory.Essential), (mail.Subject, mail.Category));
        Assert.Contains("Reason: Rheinhost GmbH is not accredited with the .example registry.", mail.TextBody);
        var notice = await db.Notifications.SingleAsync(n => n.UserId == customer.Id);
        Assert.Equal($"domains/{domain.Name}", notice.Link);
    }

    [Fact]
    public async Task Only_the_hostmaster_who_took_a_request_finishes_it_and_a_waiting_one_must_be_taken_first()
    {
        var (customer, domain) = await Kit.CustomerWithDomainAsync();
        var id = await Kit.RequestMoveAsync(customer, domain);
        var hugo = Kit.QueueAs((await Kit.NewHostmasterAsync("Hugo Hostmaster")).Principal);

        var rejectWaiting = await Queue.RejectAsync(id, new RejectForm { Reason = "No." });
        var completeWaiting = await Queue.CompleteAsync(id);
        await Queue.TakeAsync(id);
        var rejectOthers = await hugo.RejectAsync(id, new RejectForm { Reason = "No." });
        var completeOthers = await hugo.CompleteAsync(id);

        Assert.Equal("Take the request first: then it is yours to finish.", Assert.IsType<QueueResult.Refused>(rejectWaiting).Message);
        Assert.Equal("Take the request first: then it is yours to finish.", Assert.IsType<QueueResult.Refused>(completeWaiting).Message);
        Assert.Equal("Hana Hostmaster is working on this request: only they can finish it.", Assert.IsType<QueueResult.Refused>(rejectOthers).Message);
        Assert.Equal("Hana Hostmaster is working on this request: only they can finish it.", Assert.IsType<QueueResult.Refused>(completeOthers).Message);
        Assert.Equal(MoveStatus.Taken, (await Kit.StoredMoveAsync(id)).Status);
        Assert.Null(await Kit.TechnicalContactAsync(domain.Id));
    }

    [Fact]
    public async Task An_unknown_request_is_not_found()
    {
        Assert.IsType<QueueResult.NotFound>(await Queue.TakeAsync(987654));
        Assert.IsType<QueueResult.NotFound>(await Queue.CompleteAsync(987654));
        Assert.IsType<QueueResult.NotFound>(await Queue.RejectAsync(987654, new RejectForm { Reason = "No." }));
    }

    [Theory]
    [InlineData(Roles.Customer)]
    [InlineData(Roles.SupportAgent)]
    [InlineData(Roles.Billing)]
    [InlineData(Roles.ComplianceOfficer)]
    [InlineData(Roles.Admin)]
    [InlineData("support session")]
    public async Task Nobody_but_a_hostmaster_reads_or_works_the_queue(string who)
    {
        var (customer, domain) = await Kit.CustomerWithDomainAsync();
        var id = await Kit.RequestMoveAsync(customer, domain);
        var principal = who == "support session"
            ? Principals.InSession(customer.Id, Guid.NewGuid())
            : Principals.Of($"{who}-1", "Someone", who);
        var queue = Kit.QueueAs(principal);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => queue.GetAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => queue.TakeAsync(id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => queue.CompleteAsync(id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => queue.RejectAsync(id, new RejectForm { Reason = "No." }));
        var stored = await Kit.StoredMoveAsync(id);
        Assert.Equal((MoveStatus.Open, 1), (stored.Status, stored.Steps.Count));
    }

    [Fact]
    public async Task A_hostmaster_works_requests_and_does_not_search_the_customer_base()
    {
        var search = Kit.As(hana.Principal).Get<CustomerSearch>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => search.FindAsync("Olga"));
    }
}
