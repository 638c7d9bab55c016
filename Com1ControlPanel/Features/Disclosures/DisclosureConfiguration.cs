using Com1ControlPanel.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.Disclosures;

internal sealed class DisclosureConfiguration : IEntityTypeConfiguration<Disclosure>
{
    public void Configure(EntityTypeBuilder<Disclosure> disclosure)
    {
        disclosure.Property(d => d.RecipientName).HasMaxLength(DisclosureLimits.RecipientName);
        disclosure.Property(d => d.Description).HasMaxLength(DisclosureLimits.Description);
        disclosure.Property(d => d.Reference).HasMaxLength(DisclosureLimits.Reference);
        disclosure.Property(d => d.RecordedByUserId).HasMaxLength(450);
        disclosure.Property(d => d.RecordedByName).HasMaxLength(100);
        // A set of flags, stored as a number so filters are one bitwise test (the convention stores enums as names).
        disclosure.Property(d => d.Categories).HasConversion<int>();
        disclosure.HasOne<Disclosure>().WithMany().HasForeignKey(d => d.CorrectsId).OnDelete(DeleteBehavior.Restrict);
        disclosure.HasIndex(d => d.RecordedAt);
    }
}

internal sealed class DisclosureEntryConfiguration : IEntityTypeConfiguration<DisclosureEntry>
{
    public void Configure(EntityTypeBuilder<DisclosureEntry> entry)
    {
        // Kept at least six years, also after an account is closed: a customer with entries cannot be deleted.
        entry.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne(e => e.Disclosure).WithMany().HasForeignKey(e => e.DisclosureId).OnDelete(DeleteBehavior.Restrict);
        // The customer's timeline pages backwards through this index (keyset pagination), never loading the whole log.
        entry.HasIndex(e => new { e.CustomerId, e.Sequence }).IsUnique();
        // A disclosure's entries, and one customer's entry for a given disclosure (which entry corrects one shown) as one
        // probe: with the disclosure alone, a page with a correction walked the customer's whole log (3 ms at 1,009 entries).
        entry.HasIndex(e => new { e.DisclosureId, e.CustomerId });
        entry.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        entry.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class DisclosureChainHeadConfiguration : IEntityTypeConfiguration<DisclosureChainHead>
{
    public void Configure(EntityTypeBuilder<DisclosureChainHead> head)
    {
        head.HasKey(h => h.CustomerId);
        head.HasOne<Customer>().WithMany().HasForeignKey(h => h.CustomerId).OnDelete(DeleteBehavior.Restrict);
        head.Property(h => h.Hash).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class PendingDisclosureEntryConfiguration : IEntityTypeConfiguration<PendingDisclosureEntry>
{
    public void Configure(EntityTypeBuilder<PendingDisclosureEntry> pending)
    {
        pending.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Restrict);
        pending.HasOne<Disclosure>().WithMany().HasForeignKey(p => p.DisclosureId).OnDelete(DeleteBehavior.Restrict);
        pending.HasIndex(p => p.ReleaseAt);
    }
}

internal sealed class DisclosureWriteJobConfiguration : IEntityTypeConfiguration<DisclosureWriteJob>
{
    public void Configure(EntityTypeBuilder<DisclosureWriteJob> job)
    {
        job.HasKey(j => j.DisclosureId);
        job.HasOne<Disclosure>().WithOne().HasForeignKey<DisclosureWriteJob>(j => j.DisclosureId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DisclosureNoticeConfiguration : IEntityTypeConfiguration<DisclosureNotice>
{
    public void Configure(EntityTypeBuilder<DisclosureNotice> notice)
    {
        notice.HasKey(n => n.EntryId);
        notice.HasOne<DisclosureEntry>().WithOne().HasForeignKey<DisclosureNotice>(n => n.EntryId).OnDelete(DeleteBehavior.Restrict);
        notice.Property(n => n.CustomerId).HasMaxLength(450);
    }
}
