using Com1ControlPanel.Data;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Disclosures.Compliance;

/// <summary>The register of recorded disclosures: one page, its count, and the corrections linked both ways (three queries).</summary>
internal static class DisclosureRegisterQuery
{
    public const int MaxSearchLength = 100;

    public static async Task<DisclosureRegisterPage> PageAsync(
        AppDbContext db, DisclosureWriteProgress progress, string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Disclosures.AsNoTracking();
        var text = search?.Trim().ToLowerInvariant() ?? "";
        if (text.Length > MaxSearchLength)
        {
            text = text[..MaxSearchLength];
        }
        if (text.Length > 0)
        {
            // Lower-casing both sides keeps the search case-insensitive on SQLite and PostgreSQL alike.
            query = query.Where(d => d.RecipientName.ToLower().Contains(text) || d.Reference.ToLower().Contains(text)
                || d.Description.ToLower().Contains(text));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(d => d.RecordedAt).ThenBy(d => d.Id)
            .Skip(page * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);

        var ids = rows.Select(d => d.Id).ToArray();
        var originalIds = rows.Where(d => d.CorrectsId is not null).Select(d => d.CorrectsId!.Value).ToArray();
        var related = await db.Disclosures.AsNoTracking()
            .Where(d => originalIds.Contains(d.Id) || (d.CorrectsId != null && ids.Contains(d.CorrectsId.Value)))
            .Select(d => new { d.Id, d.RecipientName, d.RecordedAt, d.CorrectsId })
            .ToListAsync(cancellationToken);

        var items = rows.Select(d => new DisclosureSummary(
            d.Id, d.RecipientName, d.RecipientCategory, d.Ground, d.Categories, d.Description, d.Reference, d.OccurredAt,
            d.RecordedAt, d.RecordedByName, d.NoticeRule, d.NoticeDelayedUntil, d.Status, d.AffectedCustomers, progress.For(d.Id),
            related.Where(r => r.Id == d.CorrectsId).Select(r => new DisclosureLink(r.Id, r.RecipientName, r.RecordedAt)).FirstOrDefault(),
            [.. related.Where(r => r.CorrectsId == d.Id).OrderBy(r => r.RecordedAt)
                .Select(r => new DisclosureLink(r.Id, r.RecipientName, r.RecordedAt))])).ToList();
        return new DisclosureRegisterPage(items, total, page, pageSize);
    }
}
