using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.Customers;

/// <summary>
/// That an account was closed, when, by whom (the customer, or billing at the customer's request), and how far the
/// retention of its data has gone. Who and why are also in the customer's history; this row is what the retention job
/// reads, so it never has to search the history. It holds no name: the actor is an id.
/// </summary>
public sealed class AccountClosure
{
    public required string CustomerId { get; init; }
    public DateTime ClosedAt { get; init; }
    public required string ClosedByUserId { get; init; }
    /// <summary><see cref="ChangeSource.Customer"/> or <see cref="ChangeSource.BillingOnBehalf"/>.</summary>
    public ChangeSource Source { get; init; }

    public RetentionStep Retention { get; set; } = RetentionStep.Kept;
    /// <summary>When the personal data nothing requires was removed.</summary>
    public DateTime? AnonymisedAt { get; set; }
    /// <summary>When the records the law keeps for a time (disclosure log, consent records) were removed.</summary>
    public DateTime? RecordsRemovedAt { get; set; }
}

/// <summary>
/// Where the retention of a closed account stands. The two steps in progress exist only inside the retention job's own
/// transaction: the permanent tables' triggers let that transaction, and nothing else, anonymise or remove this
/// customer's rows (see <c>RetentionExceptionRules</c> in the migrations).
/// </summary>
public enum RetentionStep
{
    /// <summary>Closed; everything is kept until <see cref="RetentionRules.DefaultClosedAccountDays"/> have passed.</summary>
    Kept,
    Anonymising,
    /// <summary>Personal data removed; the records the law keeps stay, with the customer number for names.</summary>
    Anonymised,
    RemovingRecords,
    /// <summary>The records kept by law are gone too; what stays holds no personal data.</summary>
    RecordsRemoved,
}

internal sealed class AccountClosureConfiguration : IEntityTypeConfiguration<AccountClosure>
{
    public void Configure(EntityTypeBuilder<AccountClosure> closure)
    {
        closure.HasKey(c => c.CustomerId);
        // Restrict: closing an account never removes the customer record, which the kept records refer to.
        closure.HasOne<Customer>().WithOne().HasForeignKey<AccountClosure>(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        closure.Property(c => c.ClosedByUserId).HasMaxLength(450);
        // The retention job's query: closures still waiting for a step, oldest first.
        closure.HasIndex(c => new { c.Retention, c.ClosedAt });
    }
}
