using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Features.Domains.ContactMoves;
using Com1ControlPanel.Features.Hostmaster;
using Com1ControlPanel.Features.Support.Access;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Tests.Features.Hostmaster;

namespace Com1ControlPanel.Tests.Features.Domains.ContactMoves;

/// <summary>
/// The customer asks from the domain's page, one open request per domain, and cancels while no hostmaster has taken it;
/// the hostmaster mailbox hears of every request. Nobody reaches another customer's domain or request.
/// </summary>
public sealed class TechnicalContactMovesTests() : ServiceTest(DomainSteps.Start,
    new Dictionary<string, string> { ["Domains:HostmasterAddress"] = "queue@hostmasters.test" })
{
    private TestCustomer customer = null!;
    private Domain domain = null!;

    protected override async Task ArrangeAsync() => (customer, domain) = await Kit.CustomerWithDomainAsync();

    private TechnicalContactMoves Moves => Kit.MovesAs(customer.Principal);

    private async Task<List<OutboxMessage>> MailToHostmastersAsync()
    {
        await using var db = Kit.CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == "queue@hostmasters.test").ToListAsync();
    }

    [Fact]
    public async Task A_request_waits_in_the_queue_with_the_customer_as_the_one_who_asked_and_the_hostmaster_mailbox_is_told()
    {
        var result = await Moves.RequestAsync(domain.Id, MoveSteps.Rheinhost());

        var open = Assert.IsType<MoveResult.Saved>(result).Moves.Open!;
        Assert.Equal((MoveStatus.Open, "Rheinhost GmbH", "Jana Roth", "+49 221 12345678", "Germany", "We move our servers in January."),
            (open.Status, open.Company, open.ContactPerson, open.Phone, open.Country, open.Note));
        var step = Assert.Single(open.Timeline);
        Assert.Equal((MoveStepKind.Submitted, Kit.Now, "You"), (step.Kind, step.At, step.By));
        var stored = await Kit.StoredMoveAsync(open.Id);
        Assert.Equal((customer.Id, domain.Id, "+4922112345678", "DE"), (stored.CustomerId, stored.DomainId, stored.Phone, stored.CountryCode));
        var mail = Assert.Single(await MailToHostmastersAsync());
        Assert.Equal(($"Technical Contact move requested for {domain.Name}", MessageCategory.Essential, null),
            (mail.Subject, mail.Category, mail.RecipientUserId));
        Assert.Contains("Rheinhost GmbH (Jana Roth)", mail.TextBody);
        Assert.Contains("The customer asked in the control panel.", mail.TextBody);
        Assert.Contains("staff/hostmaster", mail.TextBody);
    }

    [Fact]
    public async Task A_second_request_for_the_same_domain_is_refused_with_the_open_one_while_it_waits_or_is_worked_on()
    {
        var first = await Kit.RequestMoveAsync(customer, domain);

        var whileWaiting = await Moves.RequestAsync(domain.Id, MoveSteps.Rheinhost("Other Host AG"));
        Assert.IsType<QueueResult.Done>(await Kit.QueueAs((await Kit.NewHostmasterAsync()).Principal).TakeAsync(first));
        var whileTaken = await Moves.RequestAsync(domain.Id, MoveSteps.Rheinhost("Other Host AG"));

        Assert.Equal(first, Assert.IsType<MoveResult.AlreadyOpen>(whileWaiting).MoveId);
        Assert.Equal(first, Assert.IsType<MoveResult.AlreadyOpen>(whileTaken).MoveId);
        await using var db = Kit.CreateDbContext();
        Assert.Equal(["Rheinhost GmbH"], await db.TechnicalContactMoves.Where(m => m.DomainId == domain.Id).Select(m => m.Company).ToListAsync());
        Assert.Single(await MailToHostmastersAsync());
    }

    [Fact]
    public async Task A_cancelled_request_frees_the_domain_for_a_new_one()
    {
        var first = await Kit.RequestMoveAsync(customer, domain);
        Assert.IsType<MoveResult.Saved>(await Moves.CancelAsync(domain.Id, first));

        var again = Assert.IsType<MoveResult.Saved>(await Moves.RequestAsync(domain.Id, MoveSteps.Rheinhost("Other Host AG"))).Moves;

        Assert.Equal("Other Host AG", again.Open!.Company);
        var earlier = Assert.Single(again.Earlier);
        Assert.Equal((first, MoveStatus.Cancelled), (earlier.Id, earlier.Status));
        Assert.Equal([(MoveStepKind.Submitted, "You"), (MoveStepKind.Cancelled, "You")], earlier.Timeline.Select(s => (s.Kind, s.By)));
    }

    [Fact]
    public async Task The_customer_cannot_cancel_once_a_hostmaster_took_the_request()
    {
        var hostmaster = await Kit.NewHostmasterAsync("Hana Hostmaster");
        var id = await Kit.TakenMoveAsync(customer, domain, hostmaster);

        var result = await Moves.CancelAsync(domain.Id, id);

        var refused = Assert.IsType<MoveResult.Refused>(result);
        Assert.Equal("A hostmaster is already working on this request, so it can no longer be cancelled.", refused.Message);
        Assert.Equal([(MoveStepKind.Submitted, "You"), (MoveStepKind.Taken, "Com 1 hostmaster (Hana Hostmaster)")],
            refused.Moves.Open!.Timeline.Select(s => (s.Kind, s.By)));
        Assert.Equal(MoveStatus.Taken, (await Kit.StoredMoveAsync(id)).Status);
    }

    [Fact]
    public async Task Another_customer_neither_sees_nor_cancels_the_request_nor_asks_for_the_domain()
    {
        var id = await Kit.RequestMoveAsync(customer, domain);
        var (stranger, strangersDomain) = await Kit.CustomerWithDomainAsync("Sam Stranger");
        var theirs = Kit.MovesAs(stranger.Principal);

        Assert.Null(await theirs.GetAsync(domain.Id));
        Assert.IsType<MoveResult.NotFound>(await theirs.CancelAsync(domain.Id, id));
        // Their own domain's id with someone else's request is no way in either.
        Assert.IsType<MoveResult.NotFound>(await theirs.CancelAsync(strangersDomain.Id, id));
        Assert.IsType<MoveResult.NotFound>(await theirs.RequestAsync(domain.Id, MoveSteps.Rheinhost("Hijack Hosting Ltd")));

        var stored = await Kit.StoredMoveAsync(id);
        Assert.Equal((MoveStatus.Open, 1), (stored.Status, stored.Steps.Count));
        await using var db = Kit.CreateDbContext();
        Assert.False(await db.TechnicalContactMoves.AnyAsync(m => m.Company == "Hijack Hosting Ltd"));
    }

    [Fact]
    public async Task Bad_input_is_refused_at_its_field_and_nothing_is_stored_or_sent()
    {
        var form = MoveSteps.Rheinhost();
        form.Email = "not an address";
        form.Phone = "0221 12345678";

        var result = await Moves.RequestAsync(domain.Id, form);

        var errors = Assert.IsType<MoveResult.Invalid>(result).Errors;
        Assert.Equal(["Email", "Phone"], errors.Keys.Order());
        await using var db = Kit.CreateDbContext();
        Assert.False(await db.TechnicalContactMoves.AnyAsync(m => m.DomainId == domain.Id));
        Assert.Empty(await MailToHostmastersAsync());
    }

    [Fact]
    public async Task Support_in_a_session_asks_on_the_customers_behalf_and_is_recorded_as_support_with_the_session()
    {
        var agent = await Kit.Staff.NewAgentAsync("Dana Agent");
        var session = await Kit.SupportBy(agent).SessionAsync(customer.Id, Kit.Now);
        var support = Kit.MovesAs(Principals.InSession(customer.Id, session.Id, agent.Id, agent.Name));

        var open = Assert.IsType<MoveResult.Saved>(await support.RequestAsync(domain.Id, MoveSteps.Rheinhost())).Moves.Open!;

        Assert.Equal("Com 1 support (Dana Agent) on your behalf", Assert.Single(open.Timeline).By);
        var step = Assert.Single((await Kit.StoredMoveAsync(open.Id)).Steps);
        Assert.Equal((agent.Id, ChangeSource.SupportOnBehalf, session.Id), (step.ActorUserId, step.Source, step.SupportSessionId));
        Assert.Contains("Com 1 support (Dana Agent) asked on the customer's behalf.", Assert.Single(await MailToHostmastersAsync()).TextBody);
        // What support did in the session is listed with the session under "Who accessed my account", cancelling too.
        Assert.IsType<MoveResult.Saved>(await support.CancelAsync(domain.Id, open.Id));
        var history = await Kit.As(customer.Principal).Get<AccessHistoryService>().GetAsync();
        Assert.Equal([("Asked to move the Technical Contact", $"{domain.Name}: to Rheinhost GmbH (Jana Roth)"),
                      ("Cancelled the request to move the Technical Contact", $"{domain.Name}: to Rheinhost GmbH (Jana Roth)")],
            Assert.Single(history.Sessions.Items).Actions.Select(a => (a.What, a.Detail)));
    }

    [Fact]
    public async Task Staff_are_not_customers_here()
    {
        var hostmaster = await Kit.NewHostmasterAsync();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Kit.MovesAs(hostmaster.Principal).GetAsync(domain.Id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            Kit.MovesAs(hostmaster.Principal).RequestAsync(domain.Id, MoveSteps.Rheinhost()));
    }
}
