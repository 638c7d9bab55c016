using System.Globalization;
using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Features.Policies;

/// <summary>Publishing new versions of the privacy policy, and how far their notices have got. Administrators only.</summary>
public sealed class PolicyPublishing(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    PolicyStore store,
    PolicyNoticeSignal noticeSignal,
    IOptions<PolicyOptions> options,
    TimeProvider time,
    ILogger<PolicyPublishing> logger)
{
    /// <summary>A new draft with its date limits filled in, for the page's form.</summary>
    public async Task<PolicyDraft> NewDraftAsync(CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync();
        return await WithLimitsAsync(new PolicyDraft(), cancellationToken);
    }

    /// <summary>Stores the version for good and wakes the notice job; an invalid draft changes nothing.</summary>
    public async Task<PolicyPublishResult> PublishAsync(PolicyDraft draft, CancellationToken cancellationToken = default)
    {
        var (adminId, adminName) = await RequireAdminAsync();
        await WithLimitsAsync(draft, cancellationToken);
        var errors = FormValidation.Validate(draft);
        if (errors.Count > 0)
        {
            logger.LogInformation("Policy version refused for {ActorId}: invalid {Fields}", adminId, string.Join(", ", errors.Keys));
            return new PolicyPublishResult.Invalid(errors);
        }

        var effective = DateTime.SpecifyKind(draft.EffectiveDate!.Value.Date, DateTimeKind.Utc);
        var version = new PolicyVersion
        {
            Version = effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            EffectiveFrom = effective,
            Summary = draft.Summary.Trim(),
            Markdown = draft.Markdown.Trim() + "\n",
            PublishedAt = time.GetUtcNow().UtcDateTime,
            PublishedByUserId = adminId,
            PublishedByName = adminName,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.PolicyVersions.Add(version);
            await db.SaveChangesAsync(cancellationToken);
        }
        store.Forget();
        noticeSignal.Notify();
        logger.LogInformation("Privacy policy version {Version} published by {ActorId}, effective {EffectiveFrom:yyyy-MM-dd}",
            version.Version, adminId, version.EffectiveFrom);
        return new PolicyPublishResult.Published(version.Version);
    }

    /// <summary>Every version, newest first, with how many customers have been told about each and how many were shown it.</summary>
    public async Task<IReadOnlyList<PublishedVersionView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync();
        var versions = await store.VersionsAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var told = await db.PolicyNotices.GroupBy(n => n.Version).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var shown = await db.PolicyAcknowledgements.GroupBy(a => a.Version).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var inForce = await store.InForceNowAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return [.. versions.Reverse().Select(v => new PublishedVersionView(v,
            v.Version == inForce?.Version ? VersionStatus.InForce : v.EffectiveFrom > now ? VersionStatus.Upcoming : VersionStatus.Earlier,
            told.GetValueOrDefault(v.Version), shown.GetValueOrDefault(v.Version)))];
    }

    private async Task<PolicyDraft> WithLimitsAsync(PolicyDraft draft, CancellationToken cancellationToken)
    {
        var today = time.GetUtcNow().UtcDateTime.Date;
        draft.NoticeDays = options.Value.NoticeDays;
        draft.EarliestEffectiveDate = today.AddDays(options.Value.NoticeDays);
        draft.LatestEffectiveDate = (await store.VersionsAsync(cancellationToken)).LastOrDefault()?.EffectiveFrom;
        return draft;
    }

    private async Task<(string UserId, string DisplayName)> RequireAdminAsync()
    {
        var principal = await currentUser.GetPrincipalAsync();
        return principal.Identity?.IsAuthenticated == true && principal.IsInRole(Roles.Admin)
            && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? (userId, principal.GetDisplayName())
            : throw new UnauthorizedAccessException("Only an administrator can publish privacy policy versions.");
    }
}

public abstract record PolicyPublishResult
{
    public sealed record Published(string Version) : PolicyPublishResult;
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : PolicyPublishResult;
}

public enum VersionStatus { Upcoming, InForce, Earlier }

public sealed record PublishedVersionView(PolicyVersionInfo Version, VersionStatus Status, int CustomersTold, int CustomersShown);
