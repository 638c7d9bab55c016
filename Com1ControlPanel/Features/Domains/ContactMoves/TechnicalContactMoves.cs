using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Hosting;
using Com1ControlPanel.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Features.Domains.ContactMoves;

/// <summary>
/// The customer's side of Technical Contact moves: see a domain's requests, ask for one, cancel it while no hostmaster has
/// taken it. Every query is scoped to the customer the server signed in, so another customer's domain or request is simply
/// not found. Support in a session asks and cancels on the customer's behalf, recorded as support with the session.
/// </summary>
public sealed class TechnicalContactMoves(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    Outbox outbox,
    PanelLinks links,
    MoveViewReader reader,
    IOptions<TechnicalContactMoveOptions> options,
    TimeProvider time,
    ILogger<TechnicalContactMoves> logger)
{
    /// <summary>The domain's moves; null when the domain is not the customer's.</summary>
    public async Task<DomainMoves?> GetAsync(int domainId, CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await reader.ReadAsync(db, customerId, domainId, cancellationToken);
    }

    /// <summary>Asks Com 1's hostmaster to make the company in <paramref name="form"/> the domain's Technical Contact.</summary>
    public async Task<MoveResult> RequestAsync(int domainId, MoveRequestForm form, CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        var actor = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await (from d in db.Domains
                           join c in db.Customers on d.CustomerId equals c.Id
                           where d.Id == domainId && d.CustomerId == customerId
                           select new { d.Name, c.CustomerNumber }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return new MoveResult.NotFound();
        }
        var errors = FormValidation.Validate(form);
        if (errors.Count > 0)
        {
            logger.LogInformation("Technical Contact move for domain {DomainId} refused: invalid {Fields}", domainId, string.Join(", ", errors.Keys));
            return new MoveResult.Invalid(errors);
        }
        if (await OpenMoveAsync(db, domainId, cancellationToken) is { } open)
        {
            return new MoveResult.AlreadyOpen(open, (await reader.ReadAsync(db, customerId, domainId, cancellationToken))!);
        }

        var move = TechnicalContactMove.Submit(domainId, customerId, form.ToContact(), form.CleanNote, actor, time.GetUtcNow().UtcDateTime);
        db.TechnicalContactMoves.Add(move);
        outbox.Add(db, MoveMail.NewRequest(options.Value.HostmasterAddress, move, DomainName.FromAscii(found.Name), found.CustomerNumber,
            actor, links.To("staff/hostmaster")));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The database keeps one open request per domain: someone else's request was saved a moment before this one.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await OpenMoveAsync(fresh, domainId, cancellationToken) is not { } raced)
            {
                throw;
            }
            return new MoveResult.AlreadyOpen(raced, (await reader.ReadAsync(fresh, customerId, domainId, cancellationToken))!);
        }
        outbox.NotifySaved();
        logger.LogInformation("Technical Contact move {MoveId} for domain {DomainId} of customer {CustomerId} requested by {ActorId} ({Source})",
            move.Id, domainId, customerId, actor.UserId, actor.Source);
        return new MoveResult.Saved((await reader.ReadAsync(db, customerId, domainId, cancellationToken))!);
    }

    /// <summary>Withdraws request <paramref name="moveId"/> of the domain, unless a hostmaster has taken it.</summary>
    public async Task<MoveResult> CancelAsync(int domainId, int moveId, CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        var actor = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var move = await db.TechnicalContactMoves
            .SingleOrDefaultAsync(m => m.Id == moveId && m.DomainId == domainId && m.CustomerId == customerId, cancellationToken);
        if (move is null)
        {
            return new MoveResult.NotFound();
        }
        if (move.Refusal(MoveStepKind.Cancelled, actor.UserId) is { } refusal)
        {
            return new MoveResult.Refused(refusal, (await reader.ReadAsync(db, customerId, domainId, cancellationToken))!);
        }
        move.Cancel(actor, time.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A hostmaster took it between reading and saving: the request goes on, as the page now shows.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return new MoveResult.Refused("A hostmaster took this request a moment ago, so it can no longer be cancelled.",
                (await reader.ReadAsync(fresh, customerId, domainId, cancellationToken))!);
        }
        logger.LogInformation("Technical Contact move {MoveId} of customer {CustomerId} cancelled by {ActorId} ({Source})",
            moveId, customerId, actor.UserId, actor.Source);
        return new MoveResult.Saved((await reader.ReadAsync(db, customerId, domainId, cancellationToken))!);
    }

    private static Task<int?> OpenMoveAsync(AppDbContext db, int domainId, CancellationToken cancellationToken) =>
        db.TechnicalContactMoves.Where(m => m.DomainId == domainId && (m.Status == MoveStatus.Open || m.Status == MoveStatus.Taken))
            .Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
}
