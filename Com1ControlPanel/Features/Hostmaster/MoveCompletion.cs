using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Features.Domains.ContactMoves;
using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Hostmaster;

/// <summary>
/// Completes a Technical Contact move in one transaction: the request's step, the domain's new Technical Contact (through
/// <see cref="DomainChanges"/>, with the hostmaster as actor, in the domain's history and the customer's Recent changes),
/// the registry disclosure in the customer's log (through <see cref="DisclosureLedger"/>, so the chain still verifies),
/// the customer's Essential email and notification. Any of it failing keeps none of it.
/// </summary>
public sealed class MoveCompletion(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    DomainChanges domainChanges,
    DisclosureLedger ledger,
    Outbox outbox,
    PanelLinks links,
    TimeProvider time,
    ILogger<MoveCompletion> logger)
{
    public const string Failed = "The move could not be completed, and nothing was changed. Try again in a moment.";

    public async Task<QueueResult> CompleteAsync(int moveId, CancellationToken cancellationToken = default)
    {
        var hostmaster = await currentUser.RequireHostmasterAsync();
        QueueResult result;
        try
        {
            // The customer's disclosure chain grows one link at a time: the whole transaction holds the ledger's turn.
            result = await ledger.ExclusiveAsync(() => CompleteInTransactionAsync(moveId, hostmaster, cancellationToken), cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            logger.LogError(ex, "Technical Contact move {MoveId} could not be completed by hostmaster {HostmasterId}; nothing was kept",
                moveId, hostmaster.UserId);
            return new QueueResult.Refused(Failed);
        }
        if (result is QueueResult.Done)
        {
            outbox.NotifySaved();
            logger.LogInformation("Technical Contact move {MoveId} completed by hostmaster {HostmasterId}", moveId, hostmaster.UserId);
        }
        return result;
    }

    private async Task<QueueResult> CompleteInTransactionAsync(int moveId, Actor hostmaster, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var move = await db.TechnicalContactMoves.SingleOrDefaultAsync(m => m.Id == moveId, cancellationToken);
        if (move is null)
        {
            return new QueueResult.NotFound();
        }
        if (move.Refusal(MoveStepKind.Completed, hostmaster.UserId) is { } refusal)
        {
            return new QueueResult.Refused(refusal);
        }
        var now = time.GetUtcNow().UtcDateTime;
        move.Complete(hostmaster, now);
        try
        {
            // Saved first, so the request's own race (a second click, a second tab) is told apart from the domain's.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new QueueResult.Refused("This request changed a moment ago. Look at the queue again.");
        }

        DomainChangeResult change;
        try
        {
            change = await domainChanges.ReplaceTechnicalContactAsync(db, move.DomainId, move.NewContact, hostmaster, cancellationToken);
        }
        catch (ArgumentException)
        {
            // Checked when the customer asked; should the domain record's rules have grown since, say so rather than fail.
            return new QueueResult.Refused("The domain record does not accept these contact details any more. Reject the request, and say what the customer should correct.");
        }
        if (change is DomainChangeResult.Conflict)
        {
            // Leaving without committing rolls the request's step back too: it stays taken, to be completed again.
            return new QueueResult.Refused("The domain changed while you completed the request, so nothing was saved. Complete it again.");
        }
        var customer = await HostmasterQueue.CustomerAsync(db, move, cancellationToken);
        if (change is DomainChangeResult.Changed)
        {
            // Only a real change reaches the registry; a contact that already was this company sends it nothing new.
            var disclosure = RegistryDisclosure.For(move, customer.Domain, hostmaster, now);
            db.Disclosures.Add(disclosure);
            await ledger.AppendAsync(db, disclosure, [move.CustomerId], cancellationToken);
        }
        var mail = HostmasterMail.Completed(move, customer, hostmaster.DisplayName, links.To(customer.DomainPath));
        outbox.Add(db, mail);
        NotificationService.Add(db, move.CustomerId, $"Technical Contact of {customer.Domain.Unicode} moved", mail.PanelText,
            customer.DomainPath, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new QueueResult.Done($"Completed: {move.Company} is now the Technical Contact of {customer.Domain.Unicode}. The customer has been told.");
    }
}
