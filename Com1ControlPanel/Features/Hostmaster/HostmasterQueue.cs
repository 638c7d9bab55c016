using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Features.Domains.ContactMoves;
using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Hosting;
using Com1ControlPanel.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Features.Hostmaster;

/// <summary>
/// The hostmaster queue (hostmasters only, checked on the server for every call): open requests oldest first; taking one,
/// so only one hostmaster works it; rejecting it with a reason the customer reads. Completing is <see cref="MoveCompletion"/>'s.
/// </summary>
public sealed class HostmasterQueue(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    MoveCompletion completion,
    Outbox outbox,
    PanelLinks links,
    IOptions<DomainOptions> options,
    TimeProvider time,
    ILogger<HostmasterQueue> logger)
{
    public async Task<QueueView> GetAsync(CancellationToken cancellationToken = default)
    {
        var hostmaster = await currentUser.RequireHostmasterAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from m in db.TechnicalContactMoves.AsNoTracking()
                          join d in db.Domains on m.DomainId equals d.Id
                          join c in db.Customers on m.CustomerId equals c.Id
                          join t in db.DomainContacts on new { DomainId = d.Id, Role = DomainContactRole.Technical }
                              equals new { t.DomainId, t.Role }
                          where m.Status == MoveStatus.Open || m.Status == MoveStatus.Taken
                          orderby m.SubmittedAt, m.Id
                          select new { Move = m, Domain = d.Name, c.FullName, c.CustomerNumber, Technical = t })
            .ToListAsync(cancellationToken);
        var moveIds = rows.Select(r => r.Move.Id).ToArray();
        var submitted = await db.TechnicalContactMoveSteps.AsNoTracking()
            .Where(s => EF.Parameter(moveIds).Contains(s.MoveId) && s.Kind == MoveStepKind.Submitted)
            .ToDictionaryAsync(s => s.MoveId, cancellationToken);
        var com1 = options.Value.Com1Contact;
        var queued = rows.Select(r =>
        {
            var name = DomainName.FromAscii(r.Domain);
            var by = submitted.TryGetValue(r.Move.Id, out var step) && step.Source == ChangeSource.SupportOnBehalf
                ? $"Com 1 support ({step.ActorName}) on the customer's behalf" : "The customer";
            return new QueuedMove(r.Move.Id, name.Unicode, name.Ascii, r.FullName, r.CustomerNumber, r.Move.SubmittedAt, by,
                r.Move.Company, r.Move.ContactPerson, r.Move.Email, PhoneNumbersRule.Display(r.Move.Phone), Countries.NameOf(r.Move.CountryCode),
                r.Move.Note, r.Technical.Values(com1).Describe(), r.Move.TakenByName, r.Move.TakenAt, r.Move.TakenByUserId == hostmaster.UserId);
        }).ToList();
        return new QueueView([.. queued.Where(q => q.TakenByName is null)], [.. queued.Where(q => q.TakenByName is not null)]);
    }

    /// <summary>Takes request <paramref name="moveId"/>: from now on only this hostmaster works it. Of two at once, one wins.</summary>
    public async Task<QueueResult> TakeAsync(int moveId, CancellationToken cancellationToken = default)
    {
        var hostmaster = await currentUser.RequireHostmasterAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var move = await db.TechnicalContactMoves.SingleOrDefaultAsync(m => m.Id == moveId, cancellationToken);
        if (move is null)
        {
            return new QueueResult.NotFound();
        }
        if (move.Refusal(MoveStepKind.Taken, hostmaster.UserId) is { } refusal)
        {
            return new QueueResult.Refused(refusal);
        }
        move.Take(hostmaster, time.GetUtcNow().UtcDateTime);
        if (!await SavedFirstAsync(db, cancellationToken))
        {
            return new QueueResult.Refused("Someone else acted on this request a moment before you (another hostmaster took it, or the customer cancelled it).");
        }
        logger.LogInformation("Technical Contact move {MoveId} taken by hostmaster {HostmasterId}", moveId, hostmaster.UserId);
        return new QueueResult.Done("The request is yours. Complete it once the registry has the new Technical Contact, or reject it with a reason.");
    }

    /// <summary>Rejects request <paramref name="moveId"/>, which this hostmaster took, for the reason in <paramref name="form"/>.</summary>
    public async Task<QueueResult> RejectAsync(int moveId, RejectForm form, CancellationToken cancellationToken = default)
    {
        var hostmaster = await currentUser.RequireHostmasterAsync();
        var errors = FormValidation.Validate(form);
        if (errors.Count > 0)
        {
            return new QueueResult.Invalid(errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var move = await db.TechnicalContactMoves.SingleOrDefaultAsync(m => m.Id == moveId, cancellationToken);
        if (move is null)
        {
            return new QueueResult.NotFound();
        }
        if (move.Refusal(MoveStepKind.Rejected, hostmaster.UserId) is { } refusal)
        {
            return new QueueResult.Refused(refusal);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var step = move.Reject(hostmaster, form.Reason, now);
        var customer = await CustomerAsync(db, move, cancellationToken);
        var mail = HostmasterMail.Rejected(move, customer, step.Reason!, links.To(customer.DomainPath));
        outbox.Add(db, mail);
        NotificationService.Add(db, move.CustomerId, $"Technical Contact of {customer.Domain.Unicode} not moved", mail.PanelText,
            customer.DomainPath, now);
        if (!await SavedFirstAsync(db, cancellationToken))
        {
            return new QueueResult.Refused("This request changed a moment ago. Look at the queue again.");
        }
        outbox.NotifySaved();
        logger.LogInformation("Technical Contact move {MoveId} rejected by hostmaster {HostmasterId}", moveId, hostmaster.UserId);
        return new QueueResult.Done("The request is rejected. The customer has been told why.");
    }

    /// <summary>Completes request <paramref name="moveId"/>, which this hostmaster took.</summary>
    public Task<QueueResult> CompleteAsync(int moveId, CancellationToken cancellationToken = default) =>
        completion.CompleteAsync(moveId, cancellationToken);

    internal static async Task<MoveCustomer> CustomerAsync(AppDbContext db, TechnicalContactMove move, CancellationToken cancellationToken)
    {
        var found = await (from d in db.Domains
                           join c in db.Customers on d.CustomerId equals c.Id
                           join u in db.Users on c.Id equals u.Id
                           where d.Id == move.DomainId
                           select new { d.Name, c.FullName, u.Email }).SingleAsync(cancellationToken);
        return new MoveCustomer(found.FullName, found.Email!, DomainName.FromAscii(found.Name));
    }

    // The request's version guards it: of two people saving a step at once, the second saves nothing.
    private static async Task<bool> SavedFirstAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}

/// <summary>Whom a request's emails go to, and the domain they are about.</summary>
internal sealed record MoveCustomer(string Name, string Email, DomainName Domain)
{
    public string DomainPath => $"domains/{Domain.Ascii}";
}
