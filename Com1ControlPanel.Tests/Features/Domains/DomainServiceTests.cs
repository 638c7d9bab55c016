using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Tests.Features.Domains;

/// <summary>/domains' service: a customer reaches only their own domains, and only the customer decides what is published.</summary>
public sealed class DomainServiceTests() : ServiceTest(DomainSteps.Start)
{
    private TestCustomer paula = null!;
    private Domain pies = null!;
    private Domain cafe = null!;

    protected override async Task ArrangeAsync()
    {
        paula = await Kit.Customers.NewAsync("Paula Private");
        pies = await Kit.DomainAsync(paula.Id, "private-pies.example");
        cafe = await Kit.DomainAsync(paula.Id, "café-paula.example", registrant: DomainSteps.Company("Paula Pies Ltd"));
    }

    [Fact]
    public async Task A_customer_lists_only_their_own_domains_with_both_forms_of_each_name()
    {
        var other = await Kit.Customers.NewAsync("Otto Other");
        await Kit.DomainAsync(other.Id, "otto-other.example");

        var listed = await Kit.DomainsAs(paula.Principal).ListAsync();

        Assert.Equal(["café-paula.example", "private-pies.example"], listed.Select(d => d.Name.Unicode));
        Assert.Equal("xn--caf-paula-d4a.example", listed[0].Name.Ascii);
    }

    [Fact]
    public async Task Another_customers_domain_is_not_found_by_name_in_either_form_or_by_id()
    {
        var other = await Kit.Customers.NewAsync("Otto Other");
        var otto = await Kit.DomainAsync(other.Id, "öffentlich-otto.example");
        var service = Kit.DomainsAs(paula.Principal);

        Assert.Null(await service.GetAsync("öffentlich-otto.example"));
        Assert.Null(await service.GetAsync(otto.Name));
        Assert.Null(await service.GetAsync(otto.Id.ToString()));
        Assert.Null(await service.GetAsync("not a domain"));
        Assert.IsType<PublicationResult.NotFound>(await service.SetPublicationAsync(otto.Id, true, 1));
        Assert.False((await Kit.StoredDomainAsync(otto.Id)).PublishContacts);
        Assert.NotNull(await service.GetAsync("PRIVATE-PIES.example."));
        Assert.NotNull(await service.GetAsync(pies.Id.ToString()));
    }

    [Fact]
    public async Task The_page_marks_each_field_public_or_withheld_by_the_rule_and_publishing_changes_the_marks()
    {
        var service = Kit.DomainsAs(paula.Principal);
        var before = (await service.GetAsync("private-pies.example"))!;

        var registrant = before.Contacts.Single(c => c.Role == DomainContactRole.Registrant);
        Assert.Equal(["Organisation", "State or region", "Country"], registrant.Fields.Where(f => f.IsPublic).Select(f => f.Label));
        Assert.Contains(registrant.Fields, f => f is { Field: ContactField.Phone, Value: "+1 415-555-0177", IsPublic: false });
        Assert.True(before.Contacts.Single(c => c.Role == DomainContactRole.Technical).Fields.All(f => f.IsPublic));
        Assert.True(before.HasPersonalData);

        var saved = Assert.IsType<PublicationResult.Saved>(await service.SetPublicationAsync(pies.Id, true, before.Version)).Domain;

        Assert.True(saved.Contacts.Single(c => c.Role == DomainContactRole.Registrant).Fields.All(f => f.IsPublic));
        Assert.True(saved.Contacts.Single(c => c.Role == DomainContactRole.Billing).Fields.All(f => !f.IsPublic));
        var change = Assert.Single(saved.History);
        Assert.Equal(("Contact publication", "Withheld", "Published", "You"), (change.What, change.OldValue, change.NewValue, change.ChangedBy));
    }

    [Fact]
    public async Task A_domain_whose_contacts_are_all_organisations_says_the_choice_changes_nothing()
    {
        var view = (await Kit.DomainsAs(paula.Principal).GetAsync(cafe.Id.ToString()))!;

        Assert.False(view.HasPersonalData);
    }

    [Fact]
    public async Task An_agent_in_a_session_sees_the_domain_but_is_refused_the_switch_and_the_attempt_is_kept()
    {
        var agent = await Kit.AgentActingForAsync(paula.Id, Kit.Now);
        var service = Kit.DomainsAs(agent);

        var view = (await service.GetAsync("private-pies.example"))!;
        var result = await service.SetPublicationAsync(pies.Id, true, view.Version);

        Assert.False(view.CanSwitchPublication);
        Assert.IsType<PublicationResult.SupportSession>(result);
        Assert.False((await Kit.StoredDomainAsync(pies.Id)).PublishContacts);
        Assert.Empty(await Kit.DomainHistoryAsync(pies.Id));
        await using var db = Kit.CreateDbContext();
        Assert.True(await db.SupportAttempts.AnyAsync(a => a.CustomerId == paula.Id && a.Refusal == SupportRefusal.ForbiddenDuringSession));
    }

    [Fact]
    public async Task The_switch_is_recorded_with_the_customer_as_actor_and_shows_in_their_recent_changes()
    {
        await Kit.DomainsAs(paula.Principal).SetPublicationAsync(pies.Id, true, 1);

        var row = Assert.Single(await Kit.DomainHistoryAsync(pies.Id));
        Assert.Equal((paula.Id, ChangeSource.Customer, (Guid?)null), (row.ActorUserId, row.Source, row.SupportSessionId));
        await using var db = Kit.CreateDbContext();
        var recent = await db.ProfileChanges.SingleAsync(c => c.CustomerId == paula.Id && c.Field == ProfileField.DomainContactPublication);
        Assert.Equal(("private-pies.example: Withheld", "private-pies.example: Published"), (recent.OldValue, recent.NewValue));
    }
}
