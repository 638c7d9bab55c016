using Com1ControlPanel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.Accounts.SignIns;

internal sealed class SignInRecordConfiguration : IEntityTypeConfiguration<SignInRecord>
{
    public void Configure(EntityTypeBuilder<SignInRecord> record)
    {
        record.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        record.HasIndex(r => new { r.UserId, r.At });
        record.Property(r => r.Network).HasMaxLength(50);
        record.Property(r => r.Browser).HasMaxLength(60);
        record.Property(r => r.Outcome).HasMaxLength(30);
    }
}
