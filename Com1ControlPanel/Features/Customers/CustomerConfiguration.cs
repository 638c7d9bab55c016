using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.Customers;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> customer)
    {
        customer.HasOne<ApplicationUser>().WithOne().HasForeignKey<Customer>(c => c.Id).OnDelete(DeleteBehavior.Cascade);
        customer.HasIndex(c => c.CustomerNumber).IsUnique();
        customer.Property(c => c.CustomerNumber).HasMaxLength(20);
        customer.Property(c => c.FullName).HasMaxLength(ContactLimits.Name);
        customer.Property(c => c.Company).HasMaxLength(ContactLimits.Name);
        customer.Property(c => c.Street).HasMaxLength(ContactLimits.Street);
        customer.Property(c => c.City).HasMaxLength(ContactLimits.City);
        customer.Property(c => c.Region).HasMaxLength(ContactLimits.City);
        customer.Property(c => c.PostalCode).HasMaxLength(ContactLimits.PostalCode);
        customer.Property(c => c.CountryCode).HasMaxLength(2);
        customer.Property(c => c.Phone).HasMaxLength(ContactLimits.Phone);
        customer.Property(c => c.MobilePhone).HasMaxLength(ContactLimits.Phone);
        // Existing customers start with invoices to their postal address; true is also what the record starts with.
        customer.Property(c => c.BillingSameAsPostal).HasDefaultValue(true).HasSentinel(true);
        customer.Property(c => c.BillingStreet).HasMaxLength(ContactLimits.Street);
        customer.Property(c => c.BillingCity).HasMaxLength(ContactLimits.City);
        customer.Property(c => c.BillingRegion).HasMaxLength(ContactLimits.City);
        customer.Property(c => c.BillingPostalCode).HasMaxLength(ContactLimits.PostalCode);
        customer.Property(c => c.BillingCountryCode).HasMaxLength(2);
        customer.Property(c => c.StatusMessage).HasMaxLength(StatusLimits.Message);
        customer.Property(c => c.TimeZone).HasMaxLength(TimeText.ZoneIdLength);
        customer.Property(c => c.Version).IsConcurrencyToken();
        customer.Ignore(c => c.HasCompleteProfile);
        customer.HasMany(c => c.Services).WithOne().HasForeignKey(s => s.CustomerId);
    }
}

internal sealed class ServiceSubscriptionConfiguration : IEntityTypeConfiguration<ServiceSubscription>
{
    public void Configure(EntityTypeBuilder<ServiceSubscription> subscription)
    {
        subscription.HasIndex(s => new { s.CustomerId, s.Service });
        subscription.Property(s => s.Plan).HasMaxLength(100);
    }
}
