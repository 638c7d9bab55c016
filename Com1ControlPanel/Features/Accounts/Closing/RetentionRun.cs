using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.Accounts.Closing;

/// <summary>
/// What one run of the retention job did, as counts: how many accounts it anonymised, how many had their records kept by
/// law removed, how many it could not finish, and how many rows of each table it changed or removed. Never an id, a name
/// or any other personal data, so it may be kept for good.
/// </summary>
public sealed class RetentionRun
{
    public long Id { get; init; }
    public DateTime RanAt { get; init; }
    public int AccountsAnonymised { get; init; }
    public int AccountsRecordsRemoved { get; init; }
    public int AccountsFailed { get; init; }

    /// <summary>Rows per table, as JSON: <c>{"PaymentCards":1,"ProfileChanges":4}</c>. What happened to each table's rows is <see cref="Customers.RetentionRules.Tables"/>'s to say.</summary>
    public required string Rows { get; init; }
}

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> run)
    {
        run.HasIndex(r => r.RanAt);
        run.Property(r => r.Rows).HasMaxLength(2000);
    }
}
