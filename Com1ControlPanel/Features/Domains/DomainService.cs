using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Features.Domains;

/// <summary>
/// /domains for the signed-in customer: every query is scoped to the customer the server signed in, so another customer's
/// domain, by id or by name, is simply not found. Support in a session sees the domains but cannot switch publication.
/// </summary>
public sealed class DomainService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    DomainChanges changes,
    ISupportAttempts supportAttempts,
    IOptions<DomainOptions> options,
    ILogger<DomainService> logger)
{
    public async Task<IReadOnlyList<DomainSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var domains = await db.Domains.AsNoTracking().Where(d => d.CustomerId == customerId).OrderBy(d => d.Name)
            .Select(d => new { d.Id, d.Name, d.Status, d.ExpiresOn, d.AutoRenew, d.PublishContacts })
            .ToListAsync(cancellationToken);
        return [.. domains.Select(d => new DomainSummary(d.Id, DomainName.FromAscii(d.Name), d.Status, d.ExpiresOn, d.AutoRenew, d.PublishContacts))
            .OrderBy(d => d.Name.Unicode, StringComparer.Ordinal)];
    }

    /// <summary>The customer's domain named <paramref name="nameOrId"/> (either form of the name, or its id); null when it is not theirs.</summary>
    public async Task<DomainView?> GetAsync(string nameOrId, CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var domain = await FindAsync(db, customerId, nameOrId, cancellationToken);
        return domain is null ? null : await ViewAsync(db, domain, customerId, cancellationToken);
    }

    /// <summary>
    /// The customer publishes or withholds the domain's personal contact details. <paramref name="version"/> is the version
    /// the page showed: a domain changed since is shown again instead.
    /// </summary>
    public async Task<PublicationResult> SetPublicationAsync(int domainId, bool publish, int version, CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        var actor = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Domains.AnyAsync(d => d.Id == domainId && d.CustomerId == customerId, cancellationToken))
        {
            return new PublicationResult.NotFound();
        }
        if (actor.SupportSessionId is not null)
        {
            await supportAttempts.RecordCustomerOnlyAsync(actor.UserId, customerId, CustomerOnlyActions.PublishDomainContacts, cancellationToken);
            logger.LogWarning("Refused support agent {AgentId} who tried to switch domain publication for customer {CustomerId}",
                actor.UserId, customerId);
            return new PublicationResult.SupportSession();
        }
        var result = await changes.SetContactPublicationAsync(db, domainId, publish, actor, version, cancellationToken);
        if (result is DomainChangeResult.Conflict)
        {
            return new PublicationResult.Conflict();
        }
        await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
        var saved = await FindAsync(fresh, customerId, domainId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        return new PublicationResult.Saved(await ViewAsync(fresh, saved!, customerId, cancellationToken));
    }

    private static async Task<Domain?> FindAsync(AppDbContext db, string customerId, string nameOrId, CancellationToken cancellationToken)
    {
        var mine = db.Domains.AsNoTracking().Include(d => d.Contacts).Where(d => d.CustomerId == customerId);
        if (int.TryParse(nameOrId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return await mine.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        }
        return DomainName.TryParse(nameOrId, out var name, out _)
            ? await mine.SingleOrDefaultAsync(d => d.Name == name.Ascii, cancellationToken)
            : null;
    }

    private async Task<DomainView> ViewAsync(AppDbContext db, Domain domain, string customerId, CancellationToken cancellationToken)
    {
        var com1 = options.Value.Com1Contact;
        var contacts = domain.Contacts.OrderBy(c => c.Role).Select(c => ContactViewOf(c, com1, domain.PublishContacts)).ToList();
        var history = await db.DomainChanges.AsNoTracking().Where(c => c.DomainId == domain.Id && c.CustomerId == customerId)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(50).ToListAsync(cancellationToken);
        return new DomainView(domain.Id, domain.DomainName, domain.Status, domain.TransferLock, domain.RegisteredOn, domain.ExpiresOn,
            domain.AutoRenew, [.. domain.NameServers], domain.PublishContacts, domain.Version, contacts,
            [.. history.Select(c => new DomainChangeView(c.ChangedAt, c.Kind.Label(), c.OldValue ?? "(empty)", c.NewValue ?? "(empty)",
                new Actor(c.ActorUserId, c.ActorName, c.Source).DescribeForCustomer(customerId)))],
            !await currentUser.IsSupportSessionAsync(),
            domain.Contacts.Any(c => !c.IsCom1 && c.Kind == ContactKind.Person && c.Role != DomainContactRole.Billing));
    }

    // The full record and the public view come from the same rule: a field is marked public exactly when it is published.
    private static ContactView ContactViewOf(DomainContact contact, DomainContactValues com1, bool publish)
    {
        var values = contact.Values(com1);
        var shown = RegistryPublication.PublicContactOf(contact.Role, values, contact.IsCom1, publish);
        var fields = Enum.GetValues<ContactField>()
            .Select(f => (Field: f, Value: ContactFields.Read(values, f)))
            .Where(f => !string.IsNullOrEmpty(f.Value))
            .Select(f => new ContactFieldView(f.Field, ContactFields.Display(f.Field, f.Value!), shown.Published.ContainsKey(f.Field)))
            .ToList();
        return new ContactView(contact.Role, contact.IsCom1, values.Kind, fields, shown.WithheldBecause);
    }
}
