using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Customers;

/// <summary>
/// The one way a customer's account data changes, whoever changes it (the customer, support on their behalf, billing):
/// it applies the new values, raises the customer's version, and writes one history row per field that really changed,
/// with who did it, from where and in which support session. It works in the caller's context, so inside the caller's
/// transaction the change and its history are kept or rolled back together.
/// </summary>
public sealed class CustomerChanges(TimeProvider time, ILogger<CustomerChanges> logger)
{
    /// <summary>
    /// Sets <paramref name="values"/> on the customer and saves. With <paramref name="expectedVersion"/> (the version a form
    /// was loaded from), a customer changed since is left as it is and the answer is a conflict.
    /// </summary>
    public Task<CustomerChangeResult> ApplyAsync(AppDbContext db, string customerId, Actor actor,
        IReadOnlyList<FieldValue> values, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ApplyCoreAsync(db, customerId, actor, values, null, expectedVersion, cancellationToken);

    /// <summary>
    /// As <see cref="ApplyAsync(AppDbContext, string, Actor, IReadOnlyList{FieldValue}, int?, CancellationToken)"/>, for
    /// staff: <paramref name="reason"/> (how the customer asked, and staff's reference) goes into every history row.
    /// </summary>
    public Task<CustomerChangeResult> ApplyAsync(AppDbContext db, string customerId, Actor actor,
        IReadOnlyList<FieldValue> values, ChangeReason reason, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ApplyCoreAsync(db, customerId, actor, values, reason, expectedVersion, cancellationToken);

    private async Task<CustomerChangeResult> ApplyCoreAsync(AppDbContext db, string customerId, Actor actor,
        IReadOnlyList<FieldValue> values, ChangeReason? reason, int? expectedVersion, CancellationToken cancellationToken)
    {
        RequireReasonFromBilling(actor, reason);
        // Whether support may reach the account is the customer's own decision, like their consent: billing never sets it.
        if (IsBilling(actor) && values.Any(v => v.Field == ProfileField.SupportApproval))
        {
            throw new UnauthorizedAccessException("Only the customer decides whether support must ask first.");
        }
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId, cancellationToken);
        // A closed account keeps the data it had at closing until retention removes it; nobody edits it in between.
        if (customer.Status == AccountStatus.Closed)
        {
            return new CustomerChangeResult.Closed();
        }
        if (expectedVersion is { } expected && customer.Version != expected)
        {
            return new CustomerChangeResult.Conflict();
        }
        var rows = new List<ProfileChange>();
        foreach (var (field, value) in values)
        {
            var current = CustomerFields.Read(customer, field);
            if (!string.Equals(current ?? "", value ?? "", StringComparison.Ordinal))
            {
                CustomerFields.Write(customer, field, value);
                rows.Add(Row(customerId, field, current, value, actor, reason));
            }
        }
        if (rows.Count == 0)
        {
            return new CustomerChangeResult.Unchanged(customer);
        }
        return await SaveAsync(db, customer, rows, actor, cancellationToken);
    }

    /// <summary>
    /// Suspends or reactivates the account: the status, the reason the customer's banner shows and one history row with
    /// the reason, saved together. Only Com 1 billing changes a status, and only between Active and Suspended.
    /// </summary>
    public async Task<CustomerChangeResult> ChangeStatusAsync(AppDbContext db, string customerId, Actor actor,
        AccountStatusChange change, CancellationToken cancellationToken = default)
    {
        if (actor.Source != ChangeSource.Billing)
        {
            throw new UnauthorizedAccessException("Only Com 1 billing changes the status of an account.");
        }
        RequireReasonFromBilling(actor, change.Reason);
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId, cancellationToken);
        if (customer.Status == change.To)
        {
            return new CustomerChangeResult.Unchanged(customer);
        }
        if (customer.Status == AccountStatus.Closed || change.To == AccountStatus.Closed)
        {
            throw new InvalidOperationException("Closing an account, or opening a closed one, is not a status change billing makes.");
        }
        var old = customer.Status;
        customer.Status = change.To;
        customer.StatusReason = change.To == AccountStatus.Suspended ? change.Suspension : null;
        customer.StatusMessage = change.To == AccountStatus.Suspended && !string.IsNullOrWhiteSpace(change.Message) ? change.Message.Trim() : null;
        customer.StatusChangedAt = time.GetUtcNow().UtcDateTime;
        var row = Row(customerId, ProfileField.AccountStatus, old.ToString(), change.To.ToString(), actor, change.Reason);
        return await SaveAsync(db, customer, [row], actor, cancellationToken);
    }

    /// <summary>
    /// Closes the account: the status, its history row (with billing's reason when billing closes it at the customer's
    /// request) and the <see cref="AccountClosure"/> the retention job reads, saved in the caller's transaction. Only the
    /// customer in their own name, or billing on their behalf, closes an account, never support in a session; a closed
    /// account stays closed (<see cref="CustomerChangeResult.Unchanged"/>).
    /// </summary>
    public async Task<CustomerChangeResult> CloseAsync(AppDbContext db, string customerId, Actor actor, ChangeReason? reason,
        CancellationToken cancellationToken = default)
    {
        var byCustomer = actor.Source == ChangeSource.Customer && actor.UserId == customerId;
        if (actor.SupportSessionId is not null || !(byCustomer || actor.Source == ChangeSource.BillingOnBehalf))
        {
            throw new UnauthorizedAccessException("Only the customer, or Com 1 billing at their request, closes an account.");
        }
        RequireReasonFromBilling(actor, reason);
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId, cancellationToken);
        if (customer.Status == AccountStatus.Closed)
        {
            return new CustomerChangeResult.Unchanged(customer);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var old = customer.Status;
        customer.Status = AccountStatus.Closed;
        customer.StatusReason = null;
        customer.StatusMessage = null;
        customer.StatusChangedAt = now;
        db.AccountClosures.Add(new AccountClosure
        {
            CustomerId = customerId, ClosedAt = now, ClosedByUserId = actor.UserId, Source = actor.Source,
        });
        var row = Row(customerId, ProfileField.AccountStatus, old.ToString(), nameof(AccountStatus.Closed), actor, reason);
        return await SaveAsync(db, customer, [row], actor, cancellationToken);
    }

    /// <summary>
    /// Removes a closed account's personal data from its record and its history, as <see cref="RetentionRules"/> says, and
    /// records that it did (the values say what, never the data). Call in the retention job's transaction, which has marked
    /// the closure <see cref="RetentionStep.Anonymising"/>: only then do the history's triggers allow the change. Returns how
    /// many history rows changed.
    /// </summary>
    public async Task<int> AnonymiseAsync(AppDbContext db, string customerId, CancellationToken cancellationToken = default)
    {
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId && c.Status == AccountStatus.Closed, cancellationToken);
        var number = customer.CustomerNumber;
        RetentionRules.Anonymise(customer);

        var history = db.ProfileChanges.Where(c => c.CustomerId == customerId);
        var removed = RetentionRules.ValuesRemovedFromHistory.ToArray();
        var changed = await history.Where(c => removed.Contains(c.Field) && (c.OldValue != null || c.NewValue != null))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OldValue, (string?)null).SetProperty(c => c.NewValue, (string?)null),
                cancellationToken);
        changed += await history.Where(c => c.Field == ProfileField.FullName && (c.OldValue != null || c.NewValue != null))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.OldValue, c => c.OldValue == null ? null : number)
                .SetProperty(c => c.NewValue, c => c.NewValue == null ? null : number), cancellationToken);
        changed += await history.Where(c => c.ActorUserId == customerId && c.ActorName != number)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ActorName, number), cancellationToken);

        var row = Row(customerId, ProfileField.PersonalData, null, "Removed after closing", Actor.System);
        if (await SaveAsync(db, customer, [row], Actor.System, cancellationToken) is CustomerChangeResult.Conflict)
        {
            throw new DbUpdateConcurrencyException($"Customer {customerId} changed while their personal data was being removed.");
        }
        return changed;
    }

    /// <summary>
    /// Records a change of the sign-in email address, which Identity has just made in <paramref name="db"/>: the history
    /// row and the new version are saved with it, or not at all.
    /// </summary>
    public Task<CustomerChangeResult> RecordEmailChangeAsync(AppDbContext db, string customerId, Actor actor,
        string? oldEmail, string newEmail, CancellationToken cancellationToken = default) =>
        RecordAsync(db, customerId, actor, ProfileField.Email, oldEmail, newEmail, cancellationToken);

    /// <summary>
    /// Records a change of a field another owner keeps and has just changed in <paramref name="db"/> (the sign-in address
    /// by Identity, the payment card by Billing): the history row and the new version are saved with it, or not at all.
    /// The values are what the customer reads in their history, so they never hold more than may be shown.
    /// </summary>
    public async Task<CustomerChangeResult> RecordAsync(AppDbContext db, string customerId, Actor actor,
        ProfileField field, string? oldValue, string? newValue, CancellationToken cancellationToken = default)
    {
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId, cancellationToken);
        return await SaveAsync(db, customer, [Row(customerId, field, oldValue, newValue, actor)], actor, cancellationToken);
    }

    private async Task<CustomerChangeResult> SaveAsync(AppDbContext db, Customer customer, List<ProfileChange> rows, Actor actor,
        CancellationToken cancellationToken)
    {
        // The version read is what the update must still find: a change saved elsewhere in between wins, this one is refused.
        db.Entry(customer).Property(c => c.Version).OriginalValue = customer.Version;
        customer.Version++;
        db.ProfileChanges.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new CustomerChangeResult.Conflict();
        }
        logger.LogInformation("Account data of customer {CustomerId} changed by {ActorId} ({Source}): {Fields}",
            customer.Id, actor.UserId, actor.Source, string.Join(", ", rows.Select(r => r.Field)));
        // Newest first, as "Recent changes" lists them.
        return new CustomerChangeResult.Changed(customer,
            [.. Enumerable.Reverse(rows).Select(r => ProfileChangeView.From(r, customer.Id))]);
    }

    private static bool IsBilling(Actor actor) => actor.Source is ChangeSource.Billing or ChangeSource.BillingOnBehalf;

    // Billing changes data without the customer at the keyboard: the customer is owed the reason, every time.
    private static void RequireReasonFromBilling(Actor actor, ChangeReason? reason)
    {
        if (IsBilling(actor) && string.IsNullOrWhiteSpace(reason?.Text))
        {
            throw new ArgumentException("Com 1 billing changes a customer's data only with a reason.", nameof(reason));
        }
    }

    private ProfileChange Row(string customerId, ProfileField field, string? oldValue, string? newValue, Actor actor,
        ChangeReason? reason = null) => new()
    {
        CustomerId = customerId,
        Field = field,
        OldValue = oldValue,
        NewValue = newValue,
        ChangedAt = time.GetUtcNow().UtcDateTime,
        ActorUserId = actor.UserId,
        ActorName = actor.DisplayName,
        Source = actor.Source,
        SupportSessionId = actor.SupportSessionId,
        Reason = string.IsNullOrWhiteSpace(reason?.Text) ? null : reason.Text.Trim(),
        Reference = string.IsNullOrWhiteSpace(reason?.Reference) ? null : reason.Reference.Trim(),
    };
}

/// <summary>A status billing gives an account: why (shown in the customer's banner while suspended) and the history's reason.</summary>
/// <param name="Suspension">Why the account is suspended; only for <see cref="AccountStatus.Suspended"/>.</param>
/// <param name="Message">Billing's own words to the customer about the suspension, if any.</param>
public sealed record AccountStatusChange(AccountStatus To, SuspensionReason? Suspension, string? Message, ChangeReason Reason);

public abstract record CustomerChangeResult
{
    /// <summary>Saved: the customer as it is now, and the history rows written, newest first.</summary>
    public sealed record Changed(Customer Customer, IReadOnlyList<ProfileChangeView> Changes) : CustomerChangeResult;

    /// <summary>Every value was already the customer's: nothing was written.</summary>
    public sealed record Unchanged(Customer Customer) : CustomerChangeResult;

    /// <summary>Someone else changed the customer first; nothing of this change was kept.</summary>
    public sealed record Conflict : CustomerChangeResult;

    /// <summary>The account is closed: its data stays as it was at closing; nothing was written.</summary>
    public sealed record Closed : CustomerChangeResult;
}
