using Com1ControlPanel.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.Domains;

internal sealed class DomainConfiguration : IEntityTypeConfiguration<Domain>
{
    public void Configure(EntityTypeBuilder<Domain> domain)
    {
        domain.ToTable("Domains");
        // Restrict, as for the customer's own history: a domain's permanent history could not follow a cascade anyway.
        domain.HasOne<Customer>().WithMany().HasForeignKey(d => d.CustomerId).OnDelete(DeleteBehavior.Restrict);
        domain.HasIndex(d => d.Name).IsUnique();
        domain.HasIndex(d => d.CustomerId);
        domain.Property(d => d.Name).HasMaxLength(DomainName.MaxLength);
        // Stored as a JSON array of host names, which SQLite and PostgreSQL both read as a primitive collection.
        domain.PrimitiveCollection(d => d.NameServers);
        domain.Property(d => d.Version).IsConcurrencyToken();
        domain.HasMany(d => d.Contacts).WithOne().HasForeignKey(c => c.DomainId).OnDelete(DeleteBehavior.Cascade);
        domain.Ignore(d => d.DomainName);
    }
}

internal sealed class DomainContactConfiguration : IEntityTypeConfiguration<DomainContact>
{
    public void Configure(EntityTypeBuilder<DomainContact> contact)
    {
        // Exactly one contact per role and domain.
        contact.HasKey(c => new { c.DomainId, c.Role });
        contact.Property(c => c.Name).HasMaxLength(ContactLimits.Name);
        contact.Property(c => c.Organisation).HasMaxLength(ContactLimits.Name);
        contact.Property(c => c.Email).HasMaxLength(DomainContactValues.MaxEmail);
        contact.Property(c => c.Phone).HasMaxLength(ContactLimits.Phone);
        contact.Property(c => c.Street).HasMaxLength(ContactLimits.Street);
        contact.Property(c => c.City).HasMaxLength(ContactLimits.City);
        contact.Property(c => c.Region).HasMaxLength(ContactLimits.City);
        contact.Property(c => c.PostalCode).HasMaxLength(ContactLimits.PostalCode);
        contact.Property(c => c.CountryCode).HasMaxLength(2);
    }
}

internal sealed class DomainChangeConfiguration : IEntityTypeConfiguration<DomainChange>
{
    public void Configure(EntityTypeBuilder<DomainChange> change)
    {
        change.HasOne<Domain>().WithMany().HasForeignKey(c => c.DomainId).OnDelete(DeleteBehavior.Restrict);
        change.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        // A domain's history is read newest first.
        change.HasIndex(c => new { c.DomainId, c.ChangedAt });
        change.HasIndex(c => new { c.CustomerId, c.ChangedAt });
        change.Property(c => c.OldValue).HasMaxLength(DomainChanges.MaxValue);
        change.Property(c => c.NewValue).HasMaxLength(DomainChanges.MaxValue);
        change.Property(c => c.ActorUserId).HasMaxLength(450);
        change.Property(c => c.ActorName).HasMaxLength(100);
    }
}
