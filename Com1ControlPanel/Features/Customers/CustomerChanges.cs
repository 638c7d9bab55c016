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
    public async Task<CustomerChangeResult> ApplyAsync(AppDbContext db, string customerId, Actor actor,
        IReadOnlyList<FieldValue> values, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId, cancellationToken);
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
                rows.Add(Row(customerId, field, current, value, actor));
            }
        }
        if (rows.Count == 0)
        {
            return new CustomerChangeResult.Unchanged(customer);
        }
        return await SaveAsync(db, customer, rows, actor, cancellationToken);
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

    private ProfileChange Row(string customerId, ProfileField field, string? oldValue, string? newValue, Actor actor) => new()
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
    };
}

public abstract record CustomerChangeResult
{
    /// <summary>Saved: the customer as it is now, and the history rows written, newest first.</summary>
    public sealed record Changed(Customer Customer, IReadOnlyList<ProfileChangeView> Changes) : CustomerChangeResult;

    /// <summary>Every value was already the customer's: nothing was written.</summary>
    public sealed record Unchanged(Customer Customer) : CustomerChangeResult;

    /// <summary>Someone else changed the customer first; nothing of this change was kept.</summary>
    public sealed record Conflict : CustomerChangeResult;
}
