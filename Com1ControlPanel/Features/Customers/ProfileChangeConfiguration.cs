using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.Customers;

internal sealed class ProfileChangeConfiguration : IEntityTypeConfiguration<ProfileChange>
{
    public void Configure(EntityTypeBuilder<ProfileChange> change)
    {
        change.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        // "Recent changes" reads a customer's newest rows first.
        change.HasIndex(c => new { c.CustomerId, c.ChangedAt });
        change.Property(c => c.OldValue).HasMaxLength(256);
        change.Property(c => c.NewValue).HasMaxLength(256);
        change.Property(c => c.ActorUserId).HasMaxLength(450);
        change.Property(c => c.ActorName).HasMaxLength(100);
        change.Property(c => c.Reason).HasMaxLength(ChangeReason.MaxText);
        change.Property(c => c.Reference).HasMaxLength(ChangeReason.MaxReference);
    }
}
