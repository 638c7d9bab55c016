using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.Announcements;

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> announcement)
    {
        // The page lists the newest first; the sender looks for unfinished ones at start.
        announcement.HasIndex(a => a.CreatedAt);
        announcement.HasIndex(a => a.Status);
        announcement.Property(a => a.Subject).HasMaxLength(Announcement.SubjectMaxLength);
        announcement.Property(a => a.Body).HasMaxLength(Announcement.BodyMaxLength);
        announcement.Property(a => a.CreatedByUserId).HasMaxLength(450);
        announcement.Property(a => a.CreatedByName).HasMaxLength(100);
    }
}
