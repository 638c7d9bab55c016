using Com1ControlPanel.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.Preferences;

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> record)
    {
        // Records outlive nothing they belong to: a customer row is never deleted while it has them.
        record.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        record.HasIndex(r => new { r.CustomerId, r.RecordedAt });
        record.Property(r => r.ActorUserId).HasMaxLength(450);
        record.Property(r => r.ActorName).HasMaxLength(100);
        record.Property(r => r.PolicyVersion).HasMaxLength(40);
    }
}

internal sealed class ConsentStateConfiguration : IEntityTypeConfiguration<ConsentState>
{
    public void Configure(EntityTypeBuilder<ConsentState> state)
    {
        state.HasKey(s => new { s.CustomerId, s.Purpose, s.Channel });
        state.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Cascade);
        // Audiences ask "who allows this purpose on this channel": answered from this index alone.
        state.HasIndex(s => new { s.Purpose, s.Channel, s.Granted, s.CustomerId });
    }
}
