using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Accounts.Closing;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Features.BillingDesk;

/// <summary>
/// Billing suspends and reactivates accounts, in its own name and with a reason the customer reads: the status, its
/// history row, an Essential email and a panel notification are saved in one transaction; then the customer's open
/// pages show or drop the banner. Billing also closes an account for a customer who asks, on their behalf and with how
/// they asked and why (<see cref="AccountClosing"/> does the closing).
/// </summary>
public sealed class AccountStatusDesk(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, CustomerChanges customerChanges, Outbox outbox,
    PanelLinks links, AccountStatusEvents events, IOptions<BillingContact> billing, TimeProvider time, AccountClosing closing)
{
    /// <summary>Closes the account of a customer who asked billing to; without how they asked and why, nothing happens.</summary>
    public async Task<StatusChangeResult> CloseAsync(string customerId, StatusChangeForm form, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireBillingAsync(ChangeSource.BillingOnBehalf);
        var errors = form.Validate(AccountStatus.Closed);
        if (errors.Count > 0)
        {
            return new StatusChangeResult.Invalid(errors);
        }
        return await closing.CloseAsync(customerId, form.ToClosingReason(), cancellationToken) switch
        {
            AccountClosingResult.Closed => new StatusChangeResult.Changed(AccountStatus.Closed, 0),
            AccountClosingResult.Refused refused => new StatusChangeResult.Refused(refused.Message),
            AccountClosingResult.Invalid invalid => new StatusChangeResult.Invalid(invalid.Errors),
            _ => new StatusChangeResult.NotFound(),
        };
    }

    public Task<StatusChangeResult> SuspendAsync(string customerId, StatusChangeForm form, CancellationToken cancellationToken = default) =>
        ChangeAsync(customerId, AccountStatus.Suspended, form, cancellationToken);

    public Task<StatusChangeResult> ReactivateAsync(string customerId, StatusChangeForm form, CancellationToken cancellationToken = default) =>
        ChangeAsync(customerId, AccountStatus.Active, form, cancellationToken);

    private async Task<StatusChangeResult> ChangeAsync(string customerId, AccountStatus to, StatusChangeForm form,
        CancellationToken cancellationToken)
    {
        var staff = await currentUser.RequireBillingAsync(ChangeSource.Billing);
        var errors = form.Validate(to);
        if (errors.Count > 0)
        {
            return new StatusChangeResult.Invalid(errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await (from c in db.Customers
                           join u in db.Users on c.Id equals u.Id
                           where c.Id == customerId
                           select new { c.Status, c.FullName, u.Email }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return new StatusChangeResult.NotFound();
        }
        if (found.Status == AccountStatus.Closed)
        {
            return new StatusChangeResult.Refused("This account is closed: its status cannot be changed at the billing desk.");
        }
        if (found.Status == to)
        {
            // Usually a colleague was quicker; the page shows the status as it is now.
            return new StatusChangeResult.Refused(to == AccountStatus.Suspended
                ? "This account is already suspended." : "This account is already active.");
        }

        var why = to == AccountStatus.Suspended ? form.Suspension!.Value.Why() : form.Reactivation!.Value.Why();
        var change = new AccountStatusChange(to, form.Suspension, form.CleanMessage,
            new ChangeReason(StatusReasons.ForHistory(why, form.CleanMessage), form.CleanReference));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await customerChanges.ChangeStatusAsync(db, customerId, staff, change, cancellationToken);
        if (result is not CustomerChangeResult.Changed changed)
        {
            return new StatusChangeResult.Refused("The account changed while you were working on it. Look at it again and retry.");
        }
        var mail = to == AccountStatus.Suspended
            ? BillingMail.Suspended(customerId, found.Email!, found.FullName, form.Suspension!.Value, form.CleanMessage, billing.Value,
                path => links.To(path))
            : BillingMail.Reactivated(customerId, found.Email!, found.FullName, form.Reactivation!.Value, form.CleanMessage);
        outbox.Add(db, mail);
        NotificationService.Add(db, customerId,
            to == AccountStatus.Suspended ? "Your account is suspended" : "Your account is active again",
            mail.PanelText, to == AccountStatus.Suspended ? form.Suspension!.Value.Action()?.Href : null,
            time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.NotifySaved();
        events.Announce(customerId);
        return new StatusChangeResult.Changed(changed.Customer.Status, changed.Customer.Version);
    }
}

public abstract record StatusChangeResult
{
    /// <summary>The account has its new status; <paramref name="Version"/> is the customer's data version after it.</summary>
    public sealed record Changed(AccountStatus Status, int Version) : StatusChangeResult;
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : StatusChangeResult;
    /// <summary>Nothing changed, for the reason given (already so, closed, changed meanwhile).</summary>
    public sealed record Refused(string Message) : StatusChangeResult;
    public sealed record NotFound : StatusChangeResult;
}
