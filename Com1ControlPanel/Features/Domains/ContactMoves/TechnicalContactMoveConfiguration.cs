using Com1ControlPanel.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.Domains.ContactMoves;

internal sealed class TechnicalContactMoveConfiguration : IEntityTypeConfiguration<TechnicalContactMove>
{
    /// <summary>Open requests, in the form SQLite and PostgreSQL both accept for a partial index.</summary>
    public const string OpenFilter = "\"Status\" IN ('Open', 'Taken')";

    public void Configure(EntityTypeBuilder<TechnicalContactMove> move)
    {
        move.ToTable("TechnicalContactMoves");
        // Restrict, as for the domain's history: the record of a request outlives nothing it refers to.
        move.HasOne<Domain>().WithMany().HasForeignKey(m => m.DomainId).OnDelete(DeleteBehavior.Restrict);
        move.HasOne<Customer>().WithMany().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Restrict);
        // One open request per domain, kept by the database too: two tabs (or the customer and support) asking at once
        // cannot both get one.
        move.HasIndex(m => m.DomainId).IsUnique().HasFilter(OpenFilter).HasDatabaseName("IX_TechnicalContactMoves_OneOpenPerDomain");
        move.HasIndex(m => new { m.CustomerId, m.DomainId, m.SubmittedAt });
        // The queue: open requests, oldest first.
        move.HasIndex(m => new { m.Status, m.SubmittedAt });
        move.Property(m => m.Company).HasMaxLength(ContactLimits.Name);
        move.Property(m => m.ContactPerson).HasMaxLength(ContactLimits.Name);
        move.Property(m => m.Email).HasMaxLength(DomainContactValues.MaxEmail);
        move.Property(m => m.Phone).HasMaxLength(ContactLimits.Phone);
        move.Property(m => m.CountryCode).HasMaxLength(2);
        move.Property(m => m.Note).HasMaxLength(MoveRequestForm.MaxNote);
        move.Property(m => m.TakenByUserId).HasMaxLength(450);
        move.Property(m => m.TakenByName).HasMaxLength(100);
        move.Property(m => m.Version).IsConcurrencyToken();
        move.HasMany(m => m.Steps).WithOne().HasForeignKey(s => s.MoveId).OnDelete(DeleteBehavior.Restrict);
        move.Ignore(m => m.NewContact);
        move.Ignore(m => m.IsOpen);
    }
}

internal sealed class MoveStepConfiguration : IEntityTypeConfiguration<MoveStep>
{
    public void Configure(EntityTypeBuilder<MoveStep> step)
    {
        step.ToTable("TechnicalContactMoveSteps");
        step.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
        step.HasIndex(s => new { s.MoveId, s.At });
        step.Property(s => s.ActorUserId).HasMaxLength(450);
        step.Property(s => s.ActorName).HasMaxLength(100);
        step.Property(s => s.Reason).HasMaxLength(MoveStep.MaxReason);
        step.Ignore(s => s.Actor);
    }
}
