using Com1ControlPanel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.Notifications;

/// <summary>A message in the panel's notification list (the bell), for one user.</summary>
public sealed class Notification
{
    public long Id { get; init; }
    public required string UserId { get; init; }
    public required string Title { get; init; }
    public required string Text { get; init; }
    /// <summary>Where the notification leads inside the panel, e.g. "disclosures".</summary>
    public string? Link { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? ReadAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        notification.HasIndex(n => new { n.UserId, n.CreatedAt });
        notification.Property(n => n.Title).HasMaxLength(150);
        notification.Property(n => n.Text).HasMaxLength(1000);
        notification.Property(n => n.Link).HasMaxLength(300);
    }
}
