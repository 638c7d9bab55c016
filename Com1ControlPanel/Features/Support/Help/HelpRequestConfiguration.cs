using Com1ControlPanel.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.Support.Help;

internal sealed class HelpRequestConfiguration : IEntityTypeConfiguration<HelpRequest>
{
    public void Configure(EntityTypeBuilder<HelpRequest> request)
    {
        request.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        request.HasIndex(r => new { r.CustomerId, r.CreatedAt });
        // The console's list and the quiet-period job: open requests, oldest first.
        request.HasIndex(r => new { r.Status, r.CreatedAt });
        request.Property(r => r.Subject).HasMaxLength(HelpRequestForm.MaxSubject);
        request.Property(r => r.Description).HasMaxLength(HelpRequestForm.MaxDescription);
        request.Property(r => r.Version).IsConcurrencyToken();
        request.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.HelpRequestId).OnDelete(DeleteBehavior.Restrict);
        request.Ignore(r => r.Reference);
        request.Ignore(r => r.IsOpen);
    }
}

internal sealed class HelpRequestStepConfiguration : IEntityTypeConfiguration<HelpRequestStep>
{
    public void Configure(EntityTypeBuilder<HelpRequestStep> step)
    {
        step.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
        step.HasIndex(s => new { s.HelpRequestId, s.At });
        step.Property(s => s.ActorUserId).HasMaxLength(450);
        step.Property(s => s.ActorName).HasMaxLength(100);
        step.Ignore(s => s.Actor);
    }
}
