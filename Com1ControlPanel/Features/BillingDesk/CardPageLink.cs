using Com1ControlPanel.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.BillingDesk;

/// <summary>
/// A one-time link billing sent a customer to open the card page after signing in. Only the SHA-256 of the link's token
/// is kept, so the database cannot give the link away; it works once, within <see cref="CardPageLinks.Lifetime"/>. Kept for
/// good (the database refuses deletions and any change but the one use), so who sent what and when stays reviewable.
/// </summary>
public sealed class CardPageLink
{
    public Guid Id { get; init; }
    public required string CustomerId { get; init; }
    /// <summary>Lower-case hexadecimal SHA-256 of the token in the link.</summary>
    public required string TokenHash { get; init; }
    public DateTime SentAt { get; init; }
    public DateTime ExpiresAt { get; init; }
    public DateTime? UsedAt { get; set; }
    public required string SentByUserId { get; init; }
    public required string SentByName { get; init; }
}

internal sealed class CardPageLinkConfiguration : IEntityTypeConfiguration<CardPageLink>
{
    public void Configure(EntityTypeBuilder<CardPageLink> link)
    {
        // Restrict, like the customer's history: a record of who sent a customer what outlives nothing it refers to.
        link.HasOne<Customer>().WithMany().HasForeignKey(l => l.CustomerId).OnDelete(DeleteBehavior.Restrict);
        link.HasIndex(l => l.TokenHash).IsUnique();
        link.HasIndex(l => new { l.CustomerId, l.SentAt });
        link.Property(l => l.TokenHash).HasMaxLength(64);
        link.Property(l => l.SentByUserId).HasMaxLength(450);
        link.Property(l => l.SentByName).HasMaxLength(100);
    }
}
