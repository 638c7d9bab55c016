using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.Customers;

/// <summary>
/// One search of customers by a member of staff, kept permanently (the database refuses changes and deletions) so every
/// look into the customer list can be reviewed. The text searched for is kept only when it is a customer number, Com 1's
/// own reference: names, email addresses, telephone numbers and domains typed by staff would be personal data kept for ever.
/// </summary>
public sealed class StaffSearchRecord
{
    public long Id { get; init; }
    public required string StaffUserId { get; init; }
    public DateTime SearchedAt { get; init; }
    public StaffSearchKind Kind { get; init; }
    /// <summary>How many customers the search showed (at most <see cref="CustomerSearch.MaxResults"/>).</summary>
    public int ResultCount { get; init; }
    /// <summary>More customers matched than were shown.</summary>
    public bool MoreMatched { get; init; }
    /// <summary>The customer number searched for; null for every other kind of search.</summary>
    public string? CustomerNumber { get; init; }
}

/// <summary>What the searched text looks like. Every search is matched against all fields; this only describes the text.</summary>
public enum StaffSearchKind
{
    Name,
    CustomerNumber,
    EmailAddress,
    Telephone,
    Domain,
}

internal sealed class StaffSearchRecordConfiguration : IEntityTypeConfiguration<StaffSearchRecord>
{
    public void Configure(EntityTypeBuilder<StaffSearchRecord> record)
    {
        // Reviews ask "what did this person search, and when".
        record.HasIndex(r => new { r.StaffUserId, r.SearchedAt });
        record.HasIndex(r => r.SearchedAt);
        record.Property(r => r.StaffUserId).HasMaxLength(450);
        record.Property(r => r.CustomerNumber).HasMaxLength(20);
    }
}
