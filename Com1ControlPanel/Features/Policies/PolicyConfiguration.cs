using Com1ControlPanel.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.Policies;

internal sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersion>
{
    public void Configure(EntityTypeBuilder<PolicyVersion> version)
    {
        version.HasKey(v => v.Version);
        version.Property(v => v.Version).HasMaxLength(PolicyVersion.VersionMaxLength);
        // One version per day: which one is in force is never a tie.
        version.HasIndex(v => v.EffectiveFrom).IsUnique();
        version.Property(v => v.Summary).HasMaxLength(PolicyVersion.SummaryMaxLength);
        version.Property(v => v.Markdown).HasMaxLength(PolicyVersion.MarkdownMaxLength);
        version.Property(v => v.PublishedByUserId).HasMaxLength(450);
        version.Property(v => v.PublishedByName).HasMaxLength(100);
    }
}

internal sealed class PolicyNoticeConfiguration : IEntityTypeConfiguration<PolicyNotice>
{
    public void Configure(EntityTypeBuilder<PolicyNotice> notice)
    {
        // The key is what makes a resumed or doubled notice run tell nobody twice.
        notice.HasKey(n => new { n.Version, n.CustomerId });
        notice.HasOne<PolicyVersion>().WithMany().HasForeignKey(n => n.Version).OnDelete(DeleteBehavior.Restrict);
        notice.HasOne<Customer>().WithMany().HasForeignKey(n => n.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PolicyAcknowledgementConfiguration : IEntityTypeConfiguration<PolicyAcknowledgement>
{
    public void Configure(EntityTypeBuilder<PolicyAcknowledgement> acknowledgement)
    {
        acknowledgement.HasOne<PolicyVersion>().WithMany().HasForeignKey(a => a.Version).OnDelete(DeleteBehavior.Restrict);
        acknowledgement.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Restrict);
        // Once per customer and version: a second tab's click adds nothing.
        acknowledgement.HasIndex(a => new { a.CustomerId, a.Version }).IsUnique();
    }
}
