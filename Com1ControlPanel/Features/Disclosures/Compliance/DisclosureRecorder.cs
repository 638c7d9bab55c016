using System.Globalization;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Disclosures.Compliance;

/// <summary>
/// Records disclosures for compliance officers (only them, checked on the server): previews whom one reaches, refuses
/// what the policy refuses, writes one customer's entry at once and hands groups to the <see cref="DisclosureWriter"/>.
/// </summary>
public sealed class DisclosureRecorder(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    DisclosureLedger ledger,
    IDisclosureWriteQueue queue,
    DisclosureNoticeSignal noticeSignal,
    TimeProvider time,
    ILogger<DisclosureRecorder> logger)
{
    public const int PageSize = 20;

    public const string OptedOutRefusal = "This customer opted out of sharing their details with Com 1's partners, so the policy "
        + "does not allow a partner-programme disclosure of their data. Nothing was recorded.";

    public const string NobodyRefusal = "Nobody in this audience can receive this disclosure, so nothing was recorded. "
        + "Check the preview: everyone is excluded.";

    /// <summary>How many customers the disclosure would reach now, and how many it leaves out and why.</summary>
    public async Task<DisclosureReach> PreviewAsync(DisclosureDraft draft, DisclosureAudience audience, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireComplianceOfficerAsync();
        if (draft.CorrectsId is null && audience.Validate().Count > 0)
        {
            return DisclosureReach.None;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReachAsync(db, draft, audience, cancellationToken);
    }

    /// <summary>Records the disclosure, or refuses it with the reasons and writes nothing.</summary>
    public async Task<DisclosureRecordResult> RecordAsync(DisclosureDraft draft, DisclosureAudience audience, CancellationToken cancellationToken = default)
    {
        var officer = await currentUser.RequireComplianceOfficerAsync();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await ValidateAsync(db, draft, audience, now, cancellationToken);
        if (errors.Count > 0)
        {
            logger.LogInformation("Disclosure refused for {ActorId}: invalid {Fields}", officer.UserId, string.Join(", ", errors.Keys));
            return new DisclosureRecordResult.Invalid(errors);
        }

        var disclosure = new Disclosure
        {
            RecipientName = draft.RecipientName.Trim(),
            RecipientCategory = draft.RecipientCategory!.Value,
            Ground = draft.Ground!.Value,
            Categories = draft.Categories,
            Description = draft.Description.Trim(),
            Reference = draft.Reference?.Trim() ?? "",
            OccurredAt = draft.OccurredAt!.Value,
            RecordedAt = now,
            RecordedByUserId = officer.UserId,
            RecordedByName = officer.DisplayName,
            NoticeRule = draft.NoticeRule!.Value,
            NoticeDelayedUntil = draft.NoticeRule == NoticeRule.DelayedUntil ? draft.NoticeDelayedUntil : null,
            CorrectsId = draft.CorrectsId,
            Status = DisclosureStatus.Writing,
        };

        var reach = await ReachAsync(db, draft, audience, cancellationToken);
        if (reach.Reached == 0)
        {
            var single = draft.CorrectsId is null && audience.Kind == AudienceKind.OneCustomer;
            logger.LogInformation("Disclosure refused for {ActorId}: reaches nobody ({OptedOut} opted out, {NotFound} not found, {NotActive} not active)",
                officer.UserId, reach.OptedOut, reach.NotFound, reach.NotActive);
            return new DisclosureRecordResult.Refused(single && reach.OptedOut == 1 ? OptedOutRefusal : NobodyRefusal);
        }

        if (draft.CorrectsId is null && audience.Kind == AudienceKind.OneCustomer)
        {
            await RecordForOneAsync(db, disclosure, audience.CustomerId!, cancellationToken);
            logger.LogInformation("Disclosure {DisclosureId} on ground {Ground} recorded by {ActorId} for 1 customer",
                disclosure.Id, disclosure.Ground, officer.UserId);
            return new DisclosureRecordResult.Recorded(disclosure.Id);
        }

        db.Disclosures.Add(disclosure);
        db.DisclosureWriteJobs.Add(new DisclosureWriteJob
        {
            DisclosureId = disclosure.Id,
            Audience = StoredAudience.Serialize(audience),
            TotalCustomers = reach.Reached,
            SkippedCustomers = reach.OptedOut,
            QueuedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        queue.Enqueue(disclosure.Id);
        logger.LogInformation("Disclosure {DisclosureId} on ground {Ground} queued by {ActorId} for about {Customers} customers",
            disclosure.Id, disclosure.Ground, officer.UserId, reach.Reached);
        return new DisclosureRecordResult.Writing(disclosure.Id, reach.Reached);
    }

    /// <summary>The form for correcting a recorded disclosure, filled with its content; null when there is no such disclosure.</summary>
    public async Task<DisclosureDraft?> CorrectionDraftAsync(Guid disclosureId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireComplianceOfficerAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var original = await db.Disclosures.AsNoTracking().SingleOrDefaultAsync(d => d.Id == disclosureId, cancellationToken);
        return original is null ? null : DisclosureDraft.CorrectionOf(original);
    }

    /// <summary>Recorded disclosures, newest first, found by recipient, reference or description.</summary>
    public Task<DisclosureRegisterPage> ListAsync(string? search, int page, CancellationToken cancellationToken = default) =>
        ListAsync(search, page, null, cancellationToken);

    /// <summary>
    /// The same, only what reached <paramref name="customerId"/> when given: the customer the officer picked with the
    /// customer search (which records the search), so the register is never searched for customers itself.
    /// </summary>
    public async Task<DisclosureRegisterPage> ListAsync(string? search, int page, string? customerId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireComplianceOfficerAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await DisclosureRegisterQuery.PageAsync(db, search, customerId, Math.Max(0, page), PageSize, cancellationToken);
    }

    private async Task<Dictionary<string, string[]>> ValidateAsync(
        AppDbContext db, DisclosureDraft draft, DisclosureAudience audience, DateTime now, CancellationToken cancellationToken)
    {
        var errors = draft.ValidateAt(now);
        if (draft.CorrectsId is { } originalId)
        {
            var original = await db.Disclosures.AsNoTracking().Where(d => d.Id == originalId)
                .Select(d => new { d.Status, d.NoticeRule, d.NoticeDelayedUntil })
                .SingleOrDefaultAsync(cancellationToken);
            if (original is null)
            {
                errors[nameof(DisclosureDraft.CorrectsId)] = ["There is no recorded disclosure to correct with this id."];
            }
            else if (original.Status == DisclosureStatus.Writing)
            {
                errors[nameof(DisclosureDraft.CorrectsId)] = ["The disclosure is still being written; correct it once it is recorded."];
            }
            else if (original.NoticeRule == NoticeRule.DelayedUntil && original.NoticeDelayedUntil is { } secretUntil && secretUntil > now
                && !(draft.NoticeRule == NoticeRule.DelayedUntil && draft.NoticeDelayedUntil >= secretUntil))
            {
                // A correction that customers saw earlier would reveal the disclosure the law still keeps from them.
                errors[nameof(DisclosureDraft.NoticeRule)] =
                    [string.Create(CultureInfo.InvariantCulture,
                        $"The law keeps the corrected disclosure from its customers until {secretUntil:d MMMM yyyy}: delay this correction's notice until that day or later.")];
            }
            return errors;
        }
        foreach (var (field, messages) in audience.Validate())
        {
            errors[field] = messages;
        }
        if (audience.Kind == AudienceKind.OneCustomer && !string.IsNullOrWhiteSpace(audience.CustomerId)
            && !await db.Customers.AnyAsync(c => c.Id == audience.CustomerId, cancellationToken))
        {
            errors[nameof(DisclosureAudience.CustomerId)] = ["There is no customer with this id. Search for the customer again."];
        }
        return errors;
    }

    private static async Task<DisclosureReach> ReachAsync(
        AppDbContext db, DisclosureDraft draft, DisclosureAudience audience, CancellationToken cancellationToken)
    {
        var members = AudienceQueries.Members(db, audience, draft.CorrectsId);
        var found = await members.CountAsync(cancellationToken);
        var optedOut = draft.Ground == DisclosureGround.PartnerProgramme && draft.CorrectsId is null
            ? await members.CountAsync(id => AudienceQueries.OptedOutOfPartnerSharing(db).Contains(id), cancellationToken)
            : 0;
        var notActive = draft.CorrectsId is null ? await AudienceQueries.NotActive(db, audience).CountAsync(cancellationToken) : 0;
        var notFound = draft.CorrectsId is not null ? 0 : audience.Kind switch
        {
            AudienceKind.OneCustomer => found == 0 ? 1 : 0,
            AudienceKind.EmailList => Math.Max(0, DisclosureAudience.NormalizedEmails(audience.Emails).Count - found),
            _ => 0,
        };
        return new DisclosureReach(found - optedOut, optedOut, notFound, notActive);
    }

    private async Task RecordForOneAsync(AppDbContext db, Disclosure disclosure, string customerId, CancellationToken cancellationToken)
    {
        disclosure.Status = DisclosureStatus.Recorded;
        disclosure.AffectedCustomers = 1;
        await ledger.ExclusiveAsync(async () =>
        {
            db.Disclosures.Add(disclosure);
            await DisclosureWriter.AddEntriesAsync(db, ledger, disclosure, [customerId], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
        noticeSignal.Notify();
    }
}
