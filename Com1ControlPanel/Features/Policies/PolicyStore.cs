using Com1ControlPanel.Data;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Policies;

/// <summary>
/// Every version of the privacy policy, from the <c>PolicyVersions</c> table, the one store of record. The shipped files
/// join it the first time the store is used (at start-up, or in a test's fresh database): a file whose version is not in
/// the table yet is added, and a file whose version is there already changes nothing, since a published version is
/// permanent (a file edited afterwards is logged and ignored). The list is kept for a minute, so the banner and every
/// consent change can ask which version is in force without a query each time.
/// </summary>
public sealed class PolicyStore(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<PolicyStore> logger)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim gate = new(1, 1);
    private bool shippedChecked;
    private (IReadOnlyList<PolicyVersionInfo> Versions, DateTime ReadAt)? cached;

    /// <summary>Adds the shipped versions that the table does not have yet; once per process.</summary>
    public async Task EnsureShippedAsync(CancellationToken cancellationToken = default)
    {
        if (shippedChecked)
        {
            return;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!shippedChecked)
            {
                await ImportShippedAsync(cancellationToken);
                shippedChecked = true;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task ImportShippedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.PolicyVersions.AsNoTracking().ToDictionaryAsync(v => v.Version, cancellationToken);
        foreach (var file in ShippedPolicies.All)
        {
            if (stored.TryGetValue(file.Version, out var existing))
            {
                if (existing.Markdown != file.Markdown || existing.Summary != file.Summary || existing.EffectiveFrom != file.EffectiveFrom)
                {
                    logger.LogWarning("The shipped policy file {Version} differs from the version published before; the published version stands",
                        file.Version);
                }
                continue;
            }
            db.PolicyVersions.Add(new PolicyVersion
            {
                Version = file.Version, EffectiveFrom = file.EffectiveFrom, Summary = file.Summary, Markdown = file.Markdown,
                PublishedAt = time.GetUtcNow().UtcDateTime, PublishedByUserId = "system", PublishedByName = "Com 1 Control Panel",
                Shipped = true,
            });
            logger.LogInformation("Shipped privacy policy version {Version} added", file.Version);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every version, oldest first.</summary>
    public async Task<IReadOnlyList<PolicyVersionInfo>> VersionsAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (cached is { } kept && now - kept.ReadAt < KeptFor && now >= kept.ReadAt)
        {
            return kept.Versions;
        }
        await EnsureShippedAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var versions = await db.PolicyVersions.AsNoTracking()
            .OrderBy(v => v.EffectiveFrom)
            .Select(v => new PolicyVersionInfo(v.Version, v.EffectiveFrom, v.Summary, v.PublishedAt, v.PublishedByName, v.Shipped))
            .ToListAsync(cancellationToken);
        cached = (versions, now);
        return versions;
    }

    /// <summary>The version that applies at <paramref name="at"/>; null before the first one.</summary>
    public async Task<PolicyVersionInfo?> InForceAsync(DateTime at, CancellationToken cancellationToken = default) =>
        (await VersionsAsync(cancellationToken)).LastOrDefault(v => v.EffectiveFrom <= at);

    /// <summary>The version in force now.</summary>
    public Task<PolicyVersionInfo?> InForceNowAsync(CancellationToken cancellationToken = default) =>
        InForceAsync(time.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>The name of the version that applies at <paramref name="at"/>, as consent records keep it.</summary>
    public async Task<string> VersionNameAtAsync(DateTime at, CancellationToken cancellationToken = default) =>
        (await InForceAsync(at, cancellationToken))?.Version ?? "none";

    /// <summary>One version with its text; null when there is no such version.</summary>
    public async Task<PolicyVersion?> FindAsync(string? version, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(version) || version.Length > PolicyVersion.VersionMaxLength)
        {
            return null;
        }
        await EnsureShippedAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PolicyVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Version == version, cancellationToken);
    }

    /// <summary>After a new version is published: the next question reads the table again.</summary>
    public void Forget() => cached = null;
}

/// <summary>A version without its text: for lists, the banner and consent records.</summary>
public sealed record PolicyVersionInfo(
    string Version, DateTime EffectiveFrom, string Summary, DateTime PublishedAt, string PublishedByName, bool Shipped);
