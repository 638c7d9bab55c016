using Com1ControlPanel.Data;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Disclosures.Compliance;

/// <summary>The register of recorded disclosures: one page, its count, and the corrections linked both ways (three queries).</summary>
internal static class DisclosureRegisterQuery
{
    public const int MaxSearchLength = 100;

    public static async Task<DisclosureRegisterPage> PageAsync(
        AppDbContext db, string? search, string? customerId, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var query = db.Disclosures.AsNoTracking();
        if (customerId is not null)
        {
            // What reached the customer: entries in their log, and those whose notice the law still delays.
            query = query.Where(d => db.DisclosureEntries.Any(e => e.DisclosureId == d.Id && e.CustomerId == customerId)
                || db.PendingDisclosureEntries.Any(p => p.DisclosureId == d.Id && p.CustomerId == customerId));
        }
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

        // How many a group write reaches in all, from the database: any instance may be writing it.
        var counts = await db.DisclosureWriteJobs.AsNoTracking().Where(j => ids.Contains(j.DisclosureId))
            .ToDictionaryAsync(j => j.DisclosureId, j => new WriteCounts(j.TotalCustomers, j.SkippedCustomers), cancellationToken);
        var customers = await CustomersOfSinglesAsync(db, [.. rows.Where(d => d.AffectedCustomers == 1).Select(d => d.Id)], cancellationToken);
        var items = rows.Select(d => new DisclosureSummary(
            d.Id, d.RecipientName, d.RecipientCategory, d.Ground, d.Categories, d.Description, d.Reference, d.OccurredAt,
            d.RecordedAt, d.RecordedByName, d.NoticeRule, d.NoticeDelayedUntil, d.Status, d.AffectedCustomers, counts.GetValueOrDefault(d.Id),
            related.Where(r => r.Id == d.CorrectsId).Select(r => new DisclosureLink(r.Id, r.RecipientName, r.RecordedAt)).FirstOrDefault(),
            [.. related.Where(r => r.CorrectsId == d.Id).OrderBy(r => r.RecordedAt)
                .Select(r => new DisclosureLink(r.Id, r.RecipientName, r.RecordedAt))],
            customers.GetValueOrDefault(d.Id))).ToList();
        return new DisclosureRegisterPage(items, total, page, pageSize);
    }

    /// <summary>The customer each single-customer disclosure reached, from its log entry or its pending (delayed) entry.</summary>
    private static async Task<Dictionary<Guid, RegisterCustomer>> CustomersOfSinglesAsync(
        AppDbContext db, Guid[] ids, CancellationToken cancellationToken)
    {
        var reached = await db.DisclosureEntries.Where(e => ids.Contains(e.DisclosureId)).Select(e => new { e.DisclosureId, e.CustomerId })
            .Concat(db.PendingDisclosureEntries.Where(p => ids.Contains(p.DisclosureId)).Select(p => new { p.DisclosureId, p.CustomerId }))
            .Join(db.Customers, r => r.CustomerId, c => c.Id, (r, c) => new { r.DisclosureId, c.FullName, c.CustomerNumber })
            .ToListAsync(cancellationToken);
        return reached.DistinctBy(r => r.DisclosureId).ToDictionary(r => r.DisclosureId, r => new RegisterCustomer(r.FullName, r.CustomerNumber));
    }
}
