using Com1ControlPanel.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.Support;

internal sealed class SupportSessionConfiguration : IEntityTypeConfiguration<SupportSession>
{
    public void Configure(EntityTypeBuilder<SupportSession> session)
    {
        session.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
        session.HasIndex(s => new { s.CustomerId, s.StartedAt });
        session.HasIndex(s => new { s.EndedAt, s.ExpiresAt });
        // One approval opens one session, even when two tabs start at the same moment.
        session.HasIndex(s => s.AccessRequestId).IsUnique().HasFilter("\"AccessRequestId\" IS NOT NULL");
        // No foreign key to HelpRequests: SQLite would rebuild this table for one, and with it drop its permanence triggers.
        session.HasIndex(s => s.HelpRequestId);
        session.Property(s => s.AgentUserId).HasMaxLength(450);
        session.Property(s => s.AgentName).HasMaxLength(100);
        session.Property(s => s.Ticket).HasMaxLength(SupportLimits.Ticket);
        session.Property(s => s.Note).HasMaxLength(SupportLimits.Note);
        session.Property(s => s.EndedByUserId).HasMaxLength(450);
        session.Property(s => s.AgentStampHash).HasMaxLength(64);
    }
}

internal sealed class SupportAccessRequestConfiguration : IEntityTypeConfiguration<SupportAccessRequest>
{
    public void Configure(EntityTypeBuilder<SupportAccessRequest> request)
    {
        request.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        request.HasIndex(r => new { r.CustomerId, r.RequestedAt });
        request.HasIndex(r => new { r.AgentUserId, r.Status });
        request.Property(r => r.AgentUserId).HasMaxLength(450);
        request.Property(r => r.AgentName).HasMaxLength(100);
        request.Property(r => r.WithdrawnByUserId).HasMaxLength(450);
        request.Property(r => r.Ticket).HasMaxLength(SupportLimits.Ticket);
        request.Property(r => r.Note).HasMaxLength(SupportLimits.Note);
    }
}

internal sealed class SupportAttemptConfiguration : IEntityTypeConfiguration<SupportAttempt>
{
    public void Configure(EntityTypeBuilder<SupportAttempt> attempt)
    {
        attempt.HasIndex(a => a.At);
        attempt.Property(a => a.AgentUserId).HasMaxLength(450);
        attempt.Property(a => a.CustomerId).HasMaxLength(450);
        attempt.Property(a => a.Attempted).HasMaxLength(SupportAttempts.AttemptedLength);
    }
}

public static class SupportLimits
{
    public const int Ticket = 40;
    public const int Note = 500;
}
