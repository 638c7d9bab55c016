using Com1ControlPanel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.Accounts.SignIns;

internal sealed class SignInRecordConfiguration : IEntityTypeConfiguration<SignInRecord>
{
    public void Configure(EntityTypeBuilder<SignInRecord> record)
    {
        // No foreign key: sign-in records are security records and outlive the account they were made for. The
        // database refuses to change or delete them (see the PermanentSupportRecordTriggers migration).
        record.HasIndex(r => new { r.UserId, r.At });
        record.Property(r => r.Network).HasMaxLength(50);
        record.Property(r => r.Browser).HasMaxLength(60);
        record.Property(r => r.Outcome).HasMaxLength(30);
    }
}
