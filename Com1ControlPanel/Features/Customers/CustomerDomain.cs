using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.Customers;

/// <summary>A domain name a customer registered through Com 1 (its registration data is public in the domain registry).</summary>
public sealed class CustomerDomain
{
    public int Id { get; init; }
    public required string CustomerId { get; init; }
    /// <summary>Lower case, e.g. "morgandaughters.example".</summary>
    public required string Name { get; init; }
    public DateOnly RegisteredOn { get; init; }
}

internal sealed class CustomerDomainConfiguration : IEntityTypeConfiguration<CustomerDomain>
{
    public void Configure(EntityTypeBuilder<CustomerDomain> domain)
    {
        domain.HasOne<Customer>().WithMany().HasForeignKey(d => d.CustomerId).OnDelete(DeleteBehavior.Cascade);
        domain.HasIndex(d => d.Name).IsUnique();
        domain.Property(d => d.Name).HasMaxLength(253);
    }
}
