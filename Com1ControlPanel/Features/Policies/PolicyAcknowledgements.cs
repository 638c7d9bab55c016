using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Policies;

/// <summary>
/// Which versions of the privacy policy the signed-in customer was shown: the notice every page shows from a version's
/// effective date until the customer closes it, the record that closing it writes, and the list under their account.
/// Only the customer closes it: Com 1 support in a session sees the notice but cannot close it for them.
/// </summary>
public sealed class PolicyAcknowledgements(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    PolicyStore store,
    ISupportAttempts supportAttempts,
    TimeProvider time,
    ILogger<PolicyAcknowledgements> logger)
{
    /// <summary>
    /// The notice the signed-in customer has not closed yet: the version in force, if it took effect after they joined and
    /// they were not shown it. Null for staff, visitors and customers with nothing new. Never throws in a layout.
    /// </summary>
    public async Task<PolicyNoticeView?> PendingAsync(CancellationToken cancellationToken = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (principal.Identity?.IsAuthenticated != true || !principal.IsInRole(Roles.Customer)
            || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } customerId
            || await store.InForceNowAsync(cancellationToken) is not { } inForce)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var since = await db.Customers.Where(c => c.Id == customerId).Select(c => (DateTime?)c.CustomerSince).SingleOrDefaultAsync(cancellationToken);
        if (since is not { } joined || inForce.EffectiveFrom <= joined)
        {
            return null;
        }
        var shown = await db.PolicyAcknowledgements.Where(a => a.CustomerId == customerId).Select(a => a.Version).ToListAsync(cancellationToken);
        if (shown.Contains(inForce.Version))
        {
            return null;
        }
        // Changes since the newest version they were shown, or since the one they joined under.
        var versions = await store.VersionsAsync(cancellationToken);
        var from = versions.LastOrDefault(v => shown.Contains(v.Version))
            ?? versions.LastOrDefault(v => v.EffectiveFrom <= joined)
            ?? versions.LastOrDefault(v => v.EffectiveFrom < inForce.EffectiveFrom);
        return new PolicyNoticeView(inForce.Version, inForce.EffectiveFrom, inForce.Summary, from?.Version, principal.IsSupportSession());
    }

    /// <summary>Records that the customer was shown <paramref name="version"/>; true when a record was written.</summary>
    public async Task<bool> AcknowledgeAsync(string version, AcknowledgementMethod how, CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        var actor = await currentUser.GetActorAsync();
        if (actor.Source == ChangeSource.SupportOnBehalf)
        {
            // The record says the customer saw it: an agent's click in their account would make it untrue.
            await supportAttempts.RecordCustomerOnlyAsync(actor.UserId, customerId, CustomerOnlyActions.AcknowledgePolicy, cancellationToken);
            throw new UnauthorizedAccessException("Only the customer can close the notice about a new privacy policy.");
        }
        if (await store.InForceNowAsync(cancellationToken) is not { } inForce || inForce.Version != version)
        {
            // An old page's form, or a version not in force yet: nothing to record.
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.PolicyAcknowledgements.AnyAsync(a => a.CustomerId == customerId && a.Version == version, cancellationToken))
        {
            return false;
        }
        db.PolicyAcknowledgements.Add(new PolicyAcknowledgement
        {
            CustomerId = customerId, Version = version, ShownAt = time.GetUtcNow().UtcDateTime, How = how,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another tab closed it at the same moment: one record is the truth either way.
            if (await AlreadyShownAsync(customerId, version, cancellationToken))
            {
                return false;
            }
            throw;
        }
        logger.LogInformation("Customer {CustomerId} was shown privacy policy version {Version} ({How})", customerId, version, how);
        return true;
    }

    /// <summary>Every version the signed-in customer was shown, newest first, and the version in force now; null for staff.</summary>
    public async Task<ShownPolicies?> ShownAsync(CancellationToken cancellationToken = default)
    {
        if (!(await currentUser.GetPrincipalAsync()).IsInRole(Roles.Customer))
        {
            return null;
        }
        var customerId = await currentUser.GetCustomerIdAsync();
        var versions = (await store.VersionsAsync(cancellationToken)).ToDictionary(v => v.Version);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.PolicyAcknowledgements.AsNoTracking().Where(a => a.CustomerId == customerId)
            .OrderByDescending(a => a.ShownAt).ThenByDescending(a => a.Id)
            .ToListAsync(cancellationToken);
        return new ShownPolicies(await store.InForceNowAsync(cancellationToken),
            [.. rows.Select(r => new ShownPolicy(r.Version, versions.GetValueOrDefault(r.Version)?.EffectiveFrom, r.ShownAt, r.How))]);
    }

    private async Task<bool> AlreadyShownAsync(string customerId, string version, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PolicyAcknowledgements.AnyAsync(a => a.CustomerId == customerId && a.Version == version, cancellationToken);
    }
}

/// <summary>The notice about a new version: what it says and where its changes are.</summary>
/// <param name="InSupportSession">Com 1 support is looking: the notice shows, but only the customer can close it.</param>
public sealed record PolicyNoticeView(string Version, DateTime EffectiveFrom, string Summary, string? ComparedWith, bool InSupportSession)
{
    public string ChangesPath => PolicyLinks.Changes(ComparedWith, Version);
}

public sealed record ShownPolicy(string Version, DateTime? EffectiveFrom, DateTime ShownAt, AcknowledgementMethod How);

public sealed record ShownPolicies(PolicyVersionInfo? InForce, IReadOnlyList<ShownPolicy> Shown);
