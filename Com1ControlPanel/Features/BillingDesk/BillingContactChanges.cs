using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Profile;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Features.BillingDesk;

/// <summary>
/// Billing staff change a customer's contact data on their behalf: through <see cref="CustomerChanges"/>, with how the
/// customer asked in every history row, and an Essential email listing what changed, all in one transaction. An email
/// address change goes through the customer's own confirmation instead (<see cref="EmailChangeService"/>).
/// </summary>
public sealed class BillingContactChanges(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, CustomerChanges customerChanges, Outbox outbox,
    EmailChangeService emailChange, IOptions<BillingContact> billing)
{
    public async Task<BillingSaveResult> SaveAsync(string customerId, BillingContactForm form, CancellationToken cancellationToken = default)
    {
        var staff = await currentUser.RequireBillingAsync(ChangeSource.BillingOnBehalf);
        var errors = FormValidation.Validate(form);
        if (errors.Count > 0)
        {
            return new BillingSaveResult.Invalid(errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var recipient = await (from c in db.Customers
                               join u in db.Users on c.Id equals u.Id
                               where c.Id == customerId
                               select new { u.Email, c.FullName }).SingleOrDefaultAsync(cancellationToken);
        if (recipient is null)
        {
            return new BillingSaveResult.NotFound();
        }
        var reason = form.ToReason();
        // The change, its history and the email to the customer are kept together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await customerChanges.ApplyAsync(db, customerId, staff, form.ToFieldValues(), reason, form.Version, cancellationToken);
        switch (result)
        {
            case CustomerChangeResult.Changed changed:
                var inFormOrder = changed.Changes.Reverse().ToList();
                outbox.Add(db, BillingMail.ContactChanged(customerId, recipient.Email!, changed.Customer.FullName, staff, reason,
                    inFormOrder, billing.Value));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                outbox.NotifySaved();
                return new BillingSaveResult.Saved(BillingContactForm.From(changed.Customer), inFormOrder.Count);
            case CustomerChangeResult.Unchanged:
                return new BillingSaveResult.NothingChanged();
            case CustomerChangeResult.Closed:
                return new BillingSaveResult.Closed();
            default:
                return new BillingSaveResult.Conflict();
        }
    }

    /// <summary>Sends the confirmation link to the new address; nothing changes until the customer opens it.</summary>
    public async Task<EmailChangeResult> RequestEmailChangeAsync(string customerId, string? newEmail, HowAsked? howAsked)
    {
        await currentUser.RequireBillingAsync();
        if (!howAsked.IsDefinedReason())
        {
            return EmailChangeResult.Invalid("reason", "Choose how the customer asked for the change.");
        }
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            if (await db.Customers.AnyAsync(c => c.Id == customerId && c.Status == AccountStatus.Closed))
            {
                return EmailChangeResult.Invalid("newEmail", BillingStaff.AccountClosed);
            }
        }
        return await emailChange.RequestOnBehalfAsync(customerId, newEmail, howAsked!.Value.Label());
    }
}

public abstract record BillingSaveResult
{
    /// <summary>Saved: the form as now stored (new version, no reason chosen) and how many fields changed.</summary>
    public sealed record Saved(BillingContactForm Form, int ChangedFields) : BillingSaveResult;
    public sealed record NothingChanged : BillingSaveResult;
    /// <summary>The customer (or a colleague) changed the data after the form was loaded; nothing was saved.</summary>
    public sealed record Conflict : BillingSaveResult;
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : BillingSaveResult;
    public sealed record NotFound : BillingSaveResult;
    /// <summary>The account is closed: its data stays as it was at closing until retention removes it.</summary>
    public sealed record Closed : BillingSaveResult;
}
