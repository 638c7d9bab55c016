using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Infrastructure.Email;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        // The dispatcher asks for due pending messages; the panel asks for one user's messages.
        message.HasIndex(m => new { m.Status, m.NextAttemptAt });
        message.HasIndex(m => new { m.RecipientUserId, m.CreatedAt });
        message.Property(m => m.ToAddress).HasMaxLength(256);
        message.Property(m => m.Subject).HasMaxLength(200);
        message.Property(m => m.RecipientUserId).HasMaxLength(450);
        message.Property(m => m.LastError).HasMaxLength(200);
        message.Property(m => m.Topic).HasMaxLength(40);
        message.Property(m => m.UnsubscribeUrl).HasMaxLength(2000);
    }
}
