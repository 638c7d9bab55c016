using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Log;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.PersonalData.Sections;

/// <summary>
/// The disclosure log exactly as its own JSON export writes it (format, customer, head, and each entry's canonical fields
/// with its previous hash and hash), so the README's verification script runs on this part of the download unchanged.
/// Each entry also says when the customer was told of it. Pending entries (notice delayed by law) are not in the log yet.
/// </summary>
internal static class DisclosureLogSection
{
    public static async Task<object?> ReadAsync(ExportScope scope, CancellationToken cancellationToken)
    {
        var head = await scope.Db.DisclosureChainHeads.AsNoTracking()
            .SingleOrDefaultAsync(h => h.CustomerId == scope.UserId, cancellationToken);
        var entries = await DisclosureLogQueries.ExportEntries(scope.Db, scope.UserId).ToListAsync(cancellationToken);
        var notified = await (from n in scope.Db.DisclosureNotices.AsNoTracking()
                              join e in scope.Db.DisclosureEntries on n.EntryId equals e.Id
                              where n.CustomerId == scope.UserId && e.CustomerId == scope.UserId
                              select new { e.Sequence, n.NotifiedAt })
            .ToDictionaryAsync(n => n.Sequence, n => n.NotifiedAt, cancellationToken);
        return new
        {
            Format = DisclosureExportWriter.Format,
            Customer = scope.UserId,
            HeadSequence = head?.Sequence ?? 0,
            HeadHash = head?.Hash ?? DisclosureChain.Genesis,
            Entries = entries.Select(entry => Entry(entry, notified.TryGetValue(entry.Sequence, out var at) ? at : null)).ToList(),
        };
    }

    // The same keys and values, in the same order, as the log's own JSON export; the sequence is a number there too.
    private static Dictionary<string, object?> Entry(DisclosureExportEntry entry, DateTime? notifiedAt)
    {
        var values = entry.Values();
        var fields = new Dictionary<string, object?> { [DisclosureExportEntry.Columns[0]] = entry.Sequence };
        for (var i = 1; i < values.Length; i++)
        {
            fields[DisclosureExportEntry.Columns[i]] = values[i];
        }
        fields["notifiedAt"] = notifiedAt;
        return fields;
    }
}
