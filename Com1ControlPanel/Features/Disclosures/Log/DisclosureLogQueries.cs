using System.Linq.Expressions;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Disclosures.Log;

/// <summary>The timeline's filters and its projection, always on one customer's entries.</summary>
internal static class DisclosureLogQueries
{
    /// <summary>The customer's entries that pass <paramref name="filter"/>; only rows of the log (never pending ones).</summary>
    public static IQueryable<DisclosureEntry> Matching(AppDbContext db, string customerId, DisclosureFilter filter)
    {
        var entries = db.DisclosureEntries.Where(e => e.CustomerId == customerId);
        if (filter.Recipient is { } recipient)
        {
            entries = entries.Where(e => e.Disclosure!.RecipientCategory == recipient);
        }
        if (filter.Ground is { } ground)
        {
            entries = entries.Where(e => e.Disclosure!.Ground == ground);
        }
        if (filter.Data is { } data && data != DataCategories.None)
        {
            entries = entries.Where(e => (e.Disclosure!.Categories & data) != 0);
        }
        if (filter.OccurredFrom is { } from)
        {
            entries = entries.Where(e => e.Disclosure!.OccurredAt >= from);
        }
        if (filter.OccurredBefore is { } before)
        {
            entries = entries.Where(e => e.Disclosure!.OccurredAt < before);
        }
        if (SearchTerm(filter.Search) is { } term)
        {
            // lower() on both sides: case-insensitive on SQLite and PostgreSQL alike (SQLite folds ASCII letters only).
            entries = entries.Where(e => e.Disclosure!.RecipientName.ToLower().Contains(term)
                || e.Disclosure.Description.ToLower().Contains(term)
                || e.Disclosure.Reference.ToLower().Contains(term));
        }
        return entries;
    }

    /// <summary>
    /// A page of <paramref name="customerId"/>'s entries, newest first, older than <paramref name="olderThan"/> (the previous
    /// page's cursor, or null for the newest): reads one row more than it shows to know whether an older page exists. The
    /// timeline and the timeline benchmark both run this, so the benchmark measures the page customers get.
    /// </summary>
    public static async Task<DisclosurePage> PageAsync(
        AppDbContext db, string customerId, DisclosureFilter filter, int? olderThan, int pageSize, CancellationToken cancellationToken)
    {
        var cursor = olderThan ?? int.MaxValue;
        // Both queries on one connection: each open from the pool also sets the connection up (SqliteTuning), about a
        // tenth of a page's time on SQLite.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var rows = await PageRows(db, customerId, filter, cursor, pageSize + 1).ToListAsync(cancellationToken);
        rows = await WithCorrectionsAsync(db, customerId, rows, cancellationToken);
        return rows.Count > pageSize
            ? new DisclosurePage(rows[..pageSize], rows[pageSize - 1].Sequence)
            : new DisclosurePage(rows, null);
    }

    /// <summary>Up to <paramref name="take"/> of the customer's entries below <paramref name="cursor"/>, newest first.</summary>
    internal static IQueryable<DisclosureLogItem> PageRows(AppDbContext db, string customerId, DisclosureFilter filter, int cursor, int take) =>
        Matching(db, customerId, filter)
            .Where(e => e.Sequence < cursor)
            .OrderByDescending(e => e.Sequence)
            .Take(take)
            .Select(Item(db, customerId));

    /// <summary>The sequence of the customer's entry for <paramref name="disclosureId"/>, if their log has one.</summary>
    internal static IQueryable<int?> EntryFor(AppDbContext db, string customerId, Guid disclosureId) =>
        db.DisclosureEntries
            .Where(e => e.DisclosureId == disclosureId && e.CustomerId == customerId)
            .Select(e => (int?)e.Sequence);

    /// <summary>
    /// The customer's whole log in chain order, with every field of the canonical form and the hashes: what the exports
    /// write (the log's own and the personal data download).
    /// </summary>
    public static IQueryable<DisclosureExportEntry> ExportEntries(AppDbContext db, string customerId) =>
        db.DisclosureEntries.AsNoTracking()
            .Where(e => e.CustomerId == customerId)
            .OrderBy(e => e.Sequence)
            .Select(e => new DisclosureExportEntry(
                e.Sequence, e.CustomerId, e.DisclosureId, e.Disclosure!.RecipientName, e.Disclosure.RecipientCategory,
                e.Disclosure.Ground, e.Disclosure.Categories, e.Disclosure.Description, e.Disclosure.Reference,
                e.Disclosure.OccurredAt, e.Disclosure.RecordedAt, e.Disclosure.RecordedByUserId, e.Disclosure.NoticeRule,
                e.Disclosure.NoticeDelayedUntil, e.Disclosure.CorrectsId, e.AddedAt, e.PreviousHash, e.Hash));

    /// <summary>
    /// The customer's whole log in chain order as the CSV export words it: the notice's time, the corrected entry's
    /// number and whether a hostmaster (completing a Technical Contact move) or compliance recorded it.
    /// </summary>
    public static IQueryable<DisclosureCsvRow> CsvRows(AppDbContext db, string customerId) =>
        db.DisclosureEntries.AsNoTracking()
            .Where(e => e.CustomerId == customerId)
            .OrderBy(e => e.Sequence)
            .Select(e => new DisclosureCsvRow(
                e.Sequence, e.Disclosure!.OccurredAt, e.Disclosure.RecipientName, e.Disclosure.RecipientCategory,
                e.Disclosure.Ground, e.Disclosure.Categories, e.Disclosure.Description, e.Disclosure.Reference,
                e.Disclosure.NoticeRule, e.Disclosure.NoticeDelayedUntil,
                db.DisclosureNotices.Where(n => n.EntryId == e.Id).Select(n => (DateTime?)n.NotifiedAt).FirstOrDefault(),
                e.Disclosure.CorrectsId != null,
                db.DisclosureEntries
                    .Where(c => c.CustomerId == customerId && c.DisclosureId == e.Disclosure.CorrectsId)
                    .Select(c => (int?)c.Sequence).FirstOrDefault(),
                e.Disclosure.RecordedAt, e.Disclosure.RecordedByName,
                (from userRole in db.UserRoles
                 join role in db.Roles on userRole.RoleId equals role.Id
                 where userRole.UserId == e.Disclosure.RecordedByUserId && role.Name == Roles.Hostmaster
                 select userRole).Any(),
                e.AddedAt, e.PreviousHash, e.Hash));

    /// <summary>
    /// An entry as the customer sees it. Its notice and the entry it corrects come from small per-row lookups over
    /// indexes, cheap for a page of 21 rows; which later entry corrects it comes from <see cref="WithCorrectionsAsync"/>.
    /// Corrections count only when they are in this customer's own log.
    /// </summary>
    public static Expression<Func<DisclosureEntry, DisclosureLogItem>> Item(AppDbContext db, string customerId) => e =>
        new DisclosureLogItem(
            e.Sequence,
            e.DisclosureId,
            e.Disclosure!.OccurredAt,
            e.Disclosure.RecordedAt,
            e.AddedAt,
            e.Disclosure.RecipientName,
            e.Disclosure.RecipientCategory,
            e.Disclosure.Ground,
            e.Disclosure.Categories,
            e.Disclosure.Description,
            e.Disclosure.Reference,
            new DisclosureNoticeView(
                e.Disclosure.NoticeRule,
                e.Disclosure.NoticeDelayedUntil,
                db.DisclosureNotices.Where(n => n.EntryId == e.Id).Select(n => (DateTime?)n.NotifiedAt).FirstOrDefault()),
            e.Disclosure.CorrectsId != null,
            db.DisclosureEntries
                .Where(c => c.CustomerId == customerId && c.DisclosureId == e.Disclosure.CorrectsId)
                .Select(c => (int?)c.Sequence).FirstOrDefault(),
            // Filled in by WithCorrectionsAsync, which finds corrections through the index on CorrectsId.
            null,
            e.PreviousHash,
            e.Hash);

    /// <summary>
    /// Sets <see cref="DisclosureLogItem.CorrectedBySequence"/>: the newest entry in this customer's log whose disclosure
    /// corrects the item's. Asked of the disclosures first (an index on CorrectsId; usually nothing), and only then of
    /// the customer's entries, so a long log is never walked to find that nothing was corrected.
    /// </summary>
    public static async Task<List<DisclosureLogItem>> WithCorrectionsAsync(
        AppDbContext db, string customerId, List<DisclosureLogItem> items, CancellationToken cancellationToken)
    {
        var shown = items.Select(i => (Guid?)i.DisclosureId).ToList();
        var corrections = await db.Disclosures
            .Where(c => shown.Contains(c.CorrectsId))
            .Select(c => new { c.Id, Corrects = c.CorrectsId!.Value })
            .ToListAsync(cancellationToken);
        if (corrections.Count == 0)
        {
            return items;
        }
        var newest = new Dictionary<Guid, int>();
        foreach (var correction in corrections)
        {
            // One disclosure at a time: with a single id the database finds the entry with one probe of the
            // (DisclosureId, CustomerId) index (with several, SQLite prefers to walk the customer's log).
            var sequence = await EntryFor(db, customerId, correction.Id).FirstOrDefaultAsync(cancellationToken);
            if (sequence is { } found && found > newest.GetValueOrDefault(correction.Corrects))
            {
                newest[correction.Corrects] = found;
            }
        }
        return [.. items.Select(i => newest.TryGetValue(i.DisclosureId, out var by) ? i with { CorrectedBySequence = by } : i)];
    }

    private static string? SearchTerm(string? search)
    {
        var term = search?.Trim();
        if (string.IsNullOrEmpty(term))
        {
            return null;
        }
        return (term.Length > DisclosureFilter.MaxSearchLength ? term[..DisclosureFilter.MaxSearchLength] : term).ToLowerInvariant();
    }
}
