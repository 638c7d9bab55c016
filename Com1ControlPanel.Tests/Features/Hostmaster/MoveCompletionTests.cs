using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Log;
using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Features.Domains.ContactMoves;
using Com1ControlPanel.Features.Hostmaster;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Tests.Features.Domains;

namespace Com1ControlPanel.Tests.Features.Hostmaster;

/// <summary>
/// Completing a move changes the Technical Contact with the hostmaster as actor, tells the customer, and records the
/// registry disclosure in their log so that it still verifies: all of it in one transaction, or none of it.
/// </summary>
public sealed class MoveCompletionTests() : ServiceTest(DomainSteps.Start)
{
    private StaffMember hana = null!;
    private TestCustomer customer = null!;
    private Domain domain = null!;

    protected override async Task ArrangeAsync()
    {
        hana = await Kit.NewHostmasterAsync("Hana Hostmaster");
        (customer, domain) = await Kit.CustomerWithDomainAsync("Dora Domain");
        // An earlier entry, so the new one has to join an existing chain.
        await Kit.Disclosures.RecordAsync(TestDisclosures.NewDisclosure("Data centre GmbH"), customer.Id);
    }

    private HostmasterQueue Queue => Kit.QueueAs(hana.Principal);

    private async Task<List<OutboxMessage>> MailToCustomerAsync()
    {
        await using var db = Kit.CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.RecipientUserId == customer.Id).ToListAsync();
    }

    [Fact]
    public async Task Completing_moves_the_contact_with_the_hostmaster_as_actor_in_both_histories_and_tells_the_customer()
    {
        var id = await Kit.TakenMoveAsync(customer, domain, hana);

        var result = await Queue.CompleteAsync(id);

        Assert.IsType<QueueResult.Done>(result);
        var technical = (await Kit.StoredDomainAsync(domain.Id)).Contact(DomainContactRole.Technical);
        Assert.Equal((false, ContactKind.Organisation, "Rheinhost GmbH", "Jana Roth", "+4922112345678", "DE"),
            (technical.IsCom1, technical.Kind, technical.Organisation, technical.Name, technical.Phone, technical.CountryCode));
        var history = Assert.Single(await Kit.DomainHistoryAsync(domain.Id));
        Assert.Equal((DomainChangeKind.TechnicalContact, "Rheinhost GmbH (Jana Roth)", hana.Id, ChangeSource.Hostmaster),
            (history.Kind, history.NewValue, history.ActorUserId, history.Source));
        await using var db = Kit.CreateDbContext();
        var recent = await db.ProfileChanges.SingleAsync(c => c.CustomerId == customer.Id && c.Field == ProfileField.DomainTechnicalContact);
        Assert.Equal("Com 1 hostmaster (Hana Hostmaster)", ProfileChangeView.From(recent, customer.Id).ChangedBy);
        var mail = Assert.Single(await MailToCustomerAsync());
        Assert.Equal(($"The Technical Contact of {domain.Name} has moved", MessageCategory.Essential, customer.Email),
            (mail.Subject, mail.Category, mail.ToAddress));
        Assert.Contains($"Rheinhost GmbH (Jana Roth) is now the Technical Contact of {domain.Name}", mail.TextBody);
        Assert.Equal("Technical Contact of " + domain.Name + " moved", (await db.Notifications.SingleAsync(n => n.UserId == customer.Id)).Title);
        var moves = (await Kit.MovesAs(customer.Principal).GetAsync(domain.Id))!;
        Assert.Equal(("Rheinhost GmbH (Jana Roth)", false), (moves.TechnicalContact, moves.TechnicalContactIsCom1));
        Assert.Equal([MoveStepKind.Submitted, MoveStepKind.Taken, MoveStepKind.Completed], Assert.Single(moves.Earlier).Timeline.Select(s => s.Kind));
    }

    [Fact]
    public async Task The_registry_disclosure_joins_the_customers_log_and_the_log_still_verifies()
    {
        var id = await Kit.TakenMoveAsync(customer, domain, hana);

        await Queue.CompleteAsync(id);

        await using var db = Kit.CreateDbContext();
        var entry = await db.DisclosureEntries.Include(e => e.Disclosure).Where(e => e.CustomerId == customer.Id)
            .OrderByDescending(e => e.Sequence).FirstAsync();
        var disclosure = entry.Disclosure!;
        Assert.Equal(2, entry.Sequence);
        Assert.Equal(("Public .example domain registry", RecipientCategory.DomainRegistry, DisclosureGround.ProvideService,
                DataCategories.DomainRegistration, NoticeRule.NoSeparateNotice),
            (disclosure.RecipientName, disclosure.RecipientCategory, disclosure.Ground, disclosure.Categories, disclosure.NoticeRule));
        Assert.Equal((hana.Id, "Hana Hostmaster", Kit.Now, Kit.Now, 1, DisclosureStatus.Recorded),
            (disclosure.RecordedByUserId, disclosure.RecordedByName, disclosure.OccurredAt, disclosure.RecordedAt,
             disclosure.AffectedCustomers, disclosure.Status));
        Assert.Contains(domain.Name, disclosure.Description);
        Assert.Contains("Rheinhost GmbH", disclosure.Description);
        var verified = await Kit.As(customer.Principal).Get<DisclosureLogService>().VerifyAsync();
        Assert.True(verified.Intact, verified.Explanation);
        Assert.Equal(2, verified.VerifiedEntries);
        // No separate notice: the customer asked for this, and the completion email says it.
        Assert.False(await db.DisclosureNotices.AnyAsync(n => n.CustomerId == customer.Id));
    }

    [Fact]
    public async Task If_the_disclosure_cannot_be_written_nothing_of_the_completion_is_kept()
    {
        var id = await Kit.TakenMoveAsync(customer, domain, hana);
        await using (var db = Kit.CreateDbContext())
        {
            await db.Database.AddRefusalAsync("FailEntries", "INSERT", "DisclosureEntries", "disk full");
        }

        var result = await Queue.CompleteAsync(id);

        Assert.Equal(MoveCompletion.Failed, Assert.IsType<QueueResult.Refused>(result).Message);
        var stored = await Kit.StoredMoveAsync(id);
        Assert.Equal((MoveStatus.Taken, null, 2), (stored.Status, stored.ClosedAt, stored.Steps.Count));
        Assert.Null(await Kit.TechnicalContactAsync(domain.Id));
        Assert.Equal(1, (await Kit.StoredDomainAsync(domain.Id)).Version);
        Assert.Empty(await Kit.DomainHistoryAsync(domain.Id));
        Assert.Empty(await MailToCustomerAsync());
        await using (var db = Kit.CreateDbContext())
        {
            Assert.False(await db.ProfileChanges.AnyAsync(c => c.CustomerId == customer.Id && c.Field == ProfileField.DomainTechnicalContact));
            Assert.False(await db.Notifications.AnyAsync(n => n.UserId == customer.Id));
            Assert.False(await db.Disclosures.AnyAsync(d => d.RecipientName == "Public .example domain registry" && d.RecordedByUserId == hana.Id));
            Assert.Equal(1, (await db.DisclosureChainHeads.SingleAsync(h => h.CustomerId == customer.Id)).Sequence);
        }

        // Once the log can be written again, the same request completes.
        await Kit.Database.DropRuleAsync("FailEntries", "DisclosureEntries");
        Assert.IsType<QueueResult.Done>(await Queue.CompleteAsync(id));
        Assert.Equal("Rheinhost GmbH", await Kit.TechnicalContactAsync(domain.Id));
    }

    [Fact]
    public async Task Completing_a_completed_or_cancelled_request_is_refused_and_changes_nothing_more()
    {
        var done = await Kit.TakenMoveAsync(customer, domain, hana);
        await Queue.CompleteAsync(done);
        var (other, otherDomain) = await Kit.CustomerWithDomainAsync("Carl Cancelled");
        var cancelled = await Kit.RequestMoveAsync(other, otherDomain);
        await Kit.MovesAs(other.Principal).CancelAsync(otherDomain.Id, cancelled);

        var again = await Queue.CompleteAsync(done);
        var afterCancel = await Queue.CompleteAsync(cancelled);

        Assert.Equal("This request is already completed: the Technical Contact has moved.", Assert.IsType<QueueResult.Refused>(again).Message);
        Assert.Equal("The customer cancelled this request.", Assert.IsType<QueueResult.Refused>(afterCancel).Message);
        Assert.Single(await Kit.DomainHistoryAsync(domain.Id));
        Assert.Single(await MailToCustomerAsync());
        Assert.Null(await Kit.TechnicalContactAsync(otherDomain.Id));
        await using var db = Kit.CreateDbContext();
        Assert.Equal(2, await db.DisclosureEntries.CountAsync(e => e.CustomerId == customer.Id));
        Assert.False(await db.DisclosureEntries.AnyAsync(e => e.CustomerId == other.Id));
    }
}
