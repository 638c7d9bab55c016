using Com1ControlPanel.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.Billing;

internal sealed class PaymentCardConfiguration : IEntityTypeConfiguration<PaymentCard>
{
    public void Configure(EntityTypeBuilder<PaymentCard> card)
    {
        card.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        // One card on file per customer: a second insert for the same customer fails instead of leaving two.
        card.HasIndex(c => c.CustomerId).IsUnique();
        card.Property(c => c.Gateway).HasMaxLength(20);
        card.Property(c => c.GatewayReference).HasMaxLength(100);
        card.Property(c => c.Brand).HasMaxLength(30);
        // Four characters: the database itself refuses to keep a longer part of a card number here (portable SQL).
        card.Property(c => c.Last4).HasMaxLength(4).IsFixedLength();
        card.ToTable(t => t.HasCheckConstraint("CK_PaymentCards_Last4", "length(Last4) = 4"));
        card.Property(c => c.HolderName).HasMaxLength(ContactLimits.Name);
        card.Ignore(c => c.Expiry);
    }
}

internal sealed class CardTokenRedemptionConfiguration : IEntityTypeConfiguration<CardTokenRedemption>
{
    public void Configure(EntityTypeBuilder<CardTokenRedemption> redemption)
    {
        redemption.HasKey(r => r.Token);
        redemption.Property(r => r.Token).HasMaxLength(100);
        redemption.Property(r => r.CustomerId).HasMaxLength(450);
    }
}

internal sealed class GatewayCustomerConfiguration : IEntityTypeConfiguration<GatewayCustomer>
{
    public void Configure(EntityTypeBuilder<GatewayCustomer> gatewayCustomer)
    {
        gatewayCustomer.HasKey(g => new { g.CustomerId, g.Gateway });
        gatewayCustomer.HasOne<Customer>().WithMany().HasForeignKey(g => g.CustomerId).OnDelete(DeleteBehavior.Cascade);
        gatewayCustomer.Property(g => g.Gateway).HasMaxLength(20);
        gatewayCustomer.Property(g => g.Reference).HasMaxLength(100);
    }
}
