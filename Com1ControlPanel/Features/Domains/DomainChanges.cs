using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Features.Domains;

/// <summary>
/// The one way a domain's registration data changes, whoever changes it (the customer, a hostmaster): it applies the new
/// value, raises the domain's version, writes the domain's permanent history row with the real actor, and records the
/// change in the customer's "Recent changes" through <see cref="CustomerChanges"/>. It saves in the caller's context and
/// opens no transaction of its own: inside the caller's transaction nothing is committed until the caller commits (and a
/// rollback takes the change, both histories and anything else the caller added with it); without one, the single save
/// keeps all of it or none.
/// </summary>
public sealed class DomainChanges(CustomerChanges customerChanges, IOptions<DomainOptions> options, TimeProvider time,
    ILogger<DomainChanges> logger)
{
    /// <summary>The longest value a history row keeps (as <see cref="ProfileChange"/>'s columns).</summary>
    public const int MaxValue = 256;

    public const string Published = "Published";
    public const string Withheld = "Withheld";

    /// <summary>
    /// Makes <paramref name="newContact"/> the Technical Contact of domain <paramref name="domainId"/>. The caller has
    /// checked who may do this (a hostmaster completing the customer's request) and passes who really acts. Values that
    /// <see cref="FormValidation.Validate"/> refuses are refused here too (<see cref="ArgumentException"/>): check them
    /// at the form first.
    /// </summary>
    public async Task<DomainChangeResult> ReplaceTechnicalContactAsync(AppDbContext db, int domainId, DomainContactValues newContact,
        Actor actor, CancellationToken cancellationToken = default)
    {
        if (FormValidation.Validate(newContact) is { Count: > 0 } errors)
        {
            throw new ArgumentException("The new Technical Contact is not valid: " + string.Join(", ", errors.Keys), nameof(newContact));
        }
        var domain = await LoadAsync(db, domainId, cancellationToken);
        var technical = domain.Contact(DomainContactRole.Technical);
        var com1 = options.Value.Com1Contact;
        var before = technical.Values(com1).Describe();
        var values = newContact.Normalised();
        if (!technical.IsCom1 && technical.Values(com1) == values)
        {
            return new DomainChangeResult.Unchanged(domain);
        }
        technical.Set(values);
        return await SaveAsync(db, domain, DomainChangeKind.TechnicalContact, before, values.Describe(), actor,
            ProfileField.DomainTechnicalContact, cancellationToken);
    }

    /// <summary>
    /// Publishes or withholds the personal contact details of domain <paramref name="domainId"/>. Only the customer
    /// decides this, in their own name: support acting in their account is refused. With
    /// <paramref name="expectedVersion"/> (the version the page showed), a domain changed since is left as it is.
    /// </summary>
    public async Task<DomainChangeResult> SetContactPublicationAsync(AppDbContext db, int domainId, bool publish, Actor actor,
        int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        if (actor.Source != ChangeSource.Customer || actor.SupportSessionId is not null)
        {
            throw new UnauthorizedAccessException("Only the customer decides whether their contact details are published.");
        }
        var domain = await LoadAsync(db, domainId, cancellationToken);
        if (domain.CustomerId != actor.UserId)
        {
            throw new UnauthorizedAccessException("Only the customer decides whether their contact details are published.");
        }
        if (expectedVersion is { } expected && domain.Version != expected)
        {
            return new DomainChangeResult.Conflict();
        }
        if (domain.PublishContacts == publish)
        {
            return new DomainChangeResult.Unchanged(domain);
        }
        domain.PublishContacts = publish;
        return await SaveAsync(db, domain, DomainChangeKind.ContactPublication, publish ? Withheld : Published,
            publish ? Published : Withheld, actor, ProfileField.DomainContactPublication, cancellationToken);
    }

    /// <summary>
    /// Removes the personal contact details of a closed account's domains: a contact who is a natural person keeps only
    /// their country, and the customer number for a name. Organisations, and Com 1, stay as they are. Each domain changed
    /// gets its history row, by the panel; in the domains' and moves' permanent history the customer's own name becomes
    /// their number. Call in the retention job's transaction (the history's triggers allow nothing else). Returns how
    /// many contacts were cleared and history rows renamed.
    /// </summary>
    public async Task<(int Contacts, int DomainChanges, int MoveSteps)> RemovePersonalContactsAsync(AppDbContext db, string customerId,
        string customerNumber, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var domains = await db.Domains.Include(d => d.Contacts).Where(d => d.CustomerId == customerId).ToListAsync(cancellationToken);
        var contacts = 0;
        foreach (var domain in domains)
        {
            var people = domain.Contacts.Where(c => !c.IsCom1 && c.Kind == ContactKind.Person).OrderBy(c => c.Role).ToList();
            if (people.Count == 0)
            {
                continue;
            }
            foreach (var contact in people)
            {
                contact.Name = customerNumber;
                contact.Organisation = null;
                contact.Email = null;
                contact.Phone = null;
                contact.Street = null;
                contact.City = null;
                contact.Region = null;
                contact.PostalCode = null;
            }
            contacts += people.Count;
            domain.Version++;
            domain.ChangedAt = now;
            db.DomainChanges.Add(new DomainChange
            {
                DomainId = domain.Id, CustomerId = customerId, Kind = DomainChangeKind.PersonalContactsRemoved,
                NewValue = Cut(string.Join(", ", people.Select(c => c.Role.Label()))), ChangedAt = now,
                ActorUserId = Actor.System.UserId, ActorName = Actor.System.DisplayName, Source = ChangeSource.System,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        var renamed = await db.DomainChanges.Where(c => c.CustomerId == customerId && c.ActorUserId == customerId && c.ActorName != customerNumber)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ActorName, customerNumber), cancellationToken);
        var steps = await db.TechnicalContactMoveSteps
            .Where(m => m.CustomerId == customerId && m.ActorUserId == customerId && m.ActorName != customerNumber)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ActorName, customerNumber), cancellationToken);
        if (contacts > 0)
        {
            logger.LogInformation("Removed {Count} personal domain contacts of closed customer {CustomerId}", contacts, customerId);
        }
        return (contacts, renamed, steps);
    }

    private static Task<Domain> LoadAsync(AppDbContext db, int domainId, CancellationToken cancellationToken) =>
        db.Domains.Include(d => d.Contacts).SingleAsync(d => d.Id == domainId, cancellationToken);

    private async Task<DomainChangeResult> SaveAsync(AppDbContext db, Domain domain, DomainChangeKind kind, string before, string after,
        Actor actor, ProfileField recentChange, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // The version read is what the update must still find: a change saved elsewhere in between wins, this one is refused.
        db.Entry(domain).Property(d => d.Version).OriginalValue = domain.Version;
        domain.Version++;
        domain.ChangedAt = now;
        var row = new DomainChange
        {
            DomainId = domain.Id,
            CustomerId = domain.CustomerId,
            Kind = kind,
            OldValue = Cut(before),
            NewValue = Cut(after),
            ChangedAt = now,
            ActorUserId = actor.UserId,
            ActorName = actor.DisplayName,
            Source = actor.Source,
            SupportSessionId = actor.SupportSessionId,
        };
        db.DomainChanges.Add(row);
        // The customer's own history names the domain as people write it; CustomerChanges saves everything tracked in db.
        var name = domain.DomainName.Unicode;
        var saved = await customerChanges.RecordAsync(db, domain.CustomerId, actor, recentChange,
            Cut($"{name}: {before}"), Cut($"{name}: {after}"), cancellationToken);
        if (saved is CustomerChangeResult.Conflict)
        {
            return new DomainChangeResult.Conflict();
        }
        logger.LogInformation("Domain {DomainId} of customer {CustomerId} changed by {ActorId} ({Source}): {Kind}",
            domain.Id, domain.CustomerId, actor.UserId, actor.Source, kind);
        return new DomainChangeResult.Changed(domain, row);
    }

    private static string Cut(string value) => value.Length <= MaxValue ? value : value[..(MaxValue - 1)] + "…";
}

public abstract record DomainChangeResult
{
    /// <summary>Saved (or, inside the caller's transaction, ready to commit): the domain as it is now and its history row.</summary>
    public sealed record Changed(Domain Domain, DomainChange Change) : DomainChangeResult;

    /// <summary>The domain already had this value: nothing was written.</summary>
    public sealed record Unchanged(Domain Domain) : DomainChangeResult;

    /// <summary>Someone else changed the domain or the customer first; nothing of this change was kept.</summary>
    public sealed record Conflict : DomainChangeResult;
}
