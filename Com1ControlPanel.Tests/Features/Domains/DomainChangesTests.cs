using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Tests.Features.Domains;

/// <summary>
/// The one way a domain changes: the value, the version, the domain's permanent history and the customer's "Recent changes",
/// all with the person who really acted, in the caller's transaction.
/// </summary>
public sealed class DomainChangesTests() : ServiceTest(DomainSteps.Start)
{
    private static readonly Actor Hostmaster = new("hostmaster-1", "Hana Host", ChangeSource.System);

    private TestCustomer customer = null!;
    private Domain domain = null!;

    protected override async Task ArrangeAsync()
    {
        customer = await Kit.Customers.NewAsync("Paula Private");
        domain = await Kit.DomainAsync(customer.Id, "café-paula.example");
    }

    private DomainChanges Changes => Kit.Get<DomainChanges>();

    private Actor Customer => new(customer.Id, customer.FullName, ChangeSource.Customer);

    [Fact]
    public async Task Replacing_the_technical_contact_keeps_the_company_and_who_did_it_in_both_histories()
    {
        await using (var db = Kit.CreateDbContext())
        {
            var result = await Changes.ReplaceTechnicalContactAsync(db, domain.Id, DomainSteps.Company() with { Phone = "+49 221 12345678" }, Hostmaster);
            Assert.IsType<DomainChangeResult.Changed>(result);
        }

        var stored = await Kit.StoredDomainAsync(domain.Id);
        var technical = stored.Contact(DomainContactRole.Technical);
        Assert.Equal((false, ContactKind.Organisation, "Rheinhost GmbH", "+4922112345678"),
            (technical.IsCom1, technical.Kind, technical.Organisation, technical.Phone));
        Assert.Equal((2, Kit.Now), (stored.Version, stored.ChangedAt));
        var row = Assert.Single(await Kit.DomainHistoryAsync(domain.Id));
        Assert.Equal((DomainChangeKind.TechnicalContact, "Com 1 Communications (Com 1 Hostmaster)", "Rheinhost GmbH (Jana Roth)"),
            (row.Kind, row.OldValue, row.NewValue));
        Assert.Equal(("hostmaster-1", "Hana Host", ChangeSource.System, customer.Id, Kit.Now),
            (row.ActorUserId, row.ActorName, row.Source, row.CustomerId, row.ChangedAt));
        await using var check = Kit.CreateDbContext();
        var recent = await check.ProfileChanges.SingleAsync(c => c.CustomerId == customer.Id && c.Field == ProfileField.DomainTechnicalContact);
        Assert.Equal(("café-paula.example: Com 1 Communications (Com 1 Hostmaster)", "café-paula.example: Rheinhost GmbH (Jana Roth)", "hostmaster-1"),
            (recent.OldValue, recent.NewValue, recent.ActorUserId));
    }

    [Fact]
    public async Task A_caller_that_rolls_back_keeps_nothing_of_the_change_or_its_history()
    {
        await using (var db = Kit.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.IsType<DomainChangeResult.Changed>(
                await Changes.ReplaceTechnicalContactAsync(db, domain.Id, DomainSteps.Company(), Hostmaster));
            await transaction.RollbackAsync();
        }

        Assert.True((await Kit.StoredDomainAsync(domain.Id)).Contact(DomainContactRole.Technical).IsCom1);
        Assert.Empty(await Kit.DomainHistoryAsync(domain.Id));
        await using var check = Kit.CreateDbContext();
        Assert.False(await check.ProfileChanges.AnyAsync(c => c.CustomerId == customer.Id && c.Field == ProfileField.DomainTechnicalContact));
    }

    [Theory]
    [InlineData("Email", "not-an-address")]
    [InlineData("Phone", "0221 12345678")]
    [InlineData("Name", "")]
    [InlineData("CountryCode", "XX")]
    public async Task A_technical_contact_with_bad_details_is_refused_and_nothing_changes(string field, string value)
    {
        var company = DomainSteps.Company();
        var bad = field switch
        {
            "Email" => company with { Email = value },
            "Phone" => company with { Phone = value },
            "Name" => company with { Name = value },
            _ => company with { CountryCode = value },
        };
        await using var db = Kit.CreateDbContext();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Changes.ReplaceTechnicalContactAsync(db, domain.Id, bad, Hostmaster));

        Assert.Contains(field, refused.Message);
        Assert.True((await Kit.StoredDomainAsync(domain.Id)).Contact(DomainContactRole.Technical).IsCom1);
        Assert.Empty(await Kit.DomainHistoryAsync(domain.Id));
    }

    [Fact]
    public async Task The_customer_publishing_is_recorded_with_them_as_actor_in_both_histories()
    {
        await using (var db = Kit.CreateDbContext())
        {
            Assert.IsType<DomainChangeResult.Changed>(await Changes.SetContactPublicationAsync(db, domain.Id, true, Customer, expectedVersion: 1));
        }

        Assert.True((await Kit.StoredDomainAsync(domain.Id)).PublishContacts);
        var row = Assert.Single(await Kit.DomainHistoryAsync(domain.Id));
        Assert.Equal((DomainChangeKind.ContactPublication, "Withheld", "Published", customer.Id, ChangeSource.Customer),
            (row.Kind, row.OldValue, row.NewValue, row.ActorUserId, row.Source));
        await using var check = Kit.CreateDbContext();
        var recent = await check.ProfileChanges.SingleAsync(c => c.CustomerId == customer.Id && c.Field == ProfileField.DomainContactPublication);
        Assert.Equal("café-paula.example: Published", recent.NewValue);
    }

    [Fact]
    public async Task Support_in_a_session_and_other_customers_cannot_switch_publication()
    {
        var agent = new Actor("agent-1", "Dana Agent", ChangeSource.SupportOnBehalf) { SupportSessionId = Guid.NewGuid() };
        var stranger = await Kit.Customers.NewAsync("Sam Stranger");
        await using var db = Kit.CreateDbContext();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Changes.SetContactPublicationAsync(db, domain.Id, true, agent));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Changes.SetContactPublicationAsync(db, domain.Id, true,
            new Actor(stranger.Id, stranger.FullName, ChangeSource.Customer)));

        Assert.False((await Kit.StoredDomainAsync(domain.Id)).PublishContacts);
        Assert.Empty(await Kit.DomainHistoryAsync(domain.Id));
    }

    [Fact]
    public async Task A_switch_from_a_page_that_is_out_of_date_changes_nothing()
    {
        await using (var first = Kit.CreateDbContext())
        {
            await Changes.SetContactPublicationAsync(first, domain.Id, true, Customer, expectedVersion: 1);
        }
        await using var second = Kit.CreateDbContext();

        var result = await Changes.SetContactPublicationAsync(second, domain.Id, false, Customer, expectedVersion: 1);

        Assert.IsType<DomainChangeResult.Conflict>(result);
        Assert.True((await Kit.StoredDomainAsync(domain.Id)).PublishContacts);
        Assert.Single(await Kit.DomainHistoryAsync(domain.Id));
    }
}
