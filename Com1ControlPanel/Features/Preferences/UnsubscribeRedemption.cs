using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.Preferences;

/// <summary>An unsubscribe link that has been used. A link works once; a replay changes nothing.</summary>
public sealed class UnsubscribeRedemption
{
    public Guid MessageId { get; init; }
    public required string CustomerId { get; init; }
    public DateTime RedeemedAt { get; init; }
}

internal sealed class UnsubscribeRedemptionConfiguration : IEntityTypeConfiguration<UnsubscribeRedemption>
{
    public void Configure(EntityTypeBuilder<UnsubscribeRedemption> redemption)
    {
        redemption.HasKey(r => r.MessageId);
        redemption.Property(r => r.CustomerId).HasMaxLength(450);
    }
}
