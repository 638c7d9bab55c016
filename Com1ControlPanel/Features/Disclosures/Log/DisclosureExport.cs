using System.Globalization;

namespace Com1ControlPanel.Features.Disclosures.Log;

/// <summary>
/// The customer's whole log for download, in chain order, streamed from the database. Every field of the canonical form
/// is included as the canonical form writes it, so anyone can recompute the hashes offline (see the README).
/// </summary>
public sealed record DisclosureExport(
    string CustomerId, int HeadSequence, string HeadHash, DateTime ExportedAt, IAsyncEnumerable<DisclosureExportEntry> Entries)
{
    public string FileName(string extension) => $"com1-disclosures-{ExportedAt:yyyy-MM-dd}.{extension}";
}

/// <summary>The customer's whole log for reading in a spreadsheet (see <see cref="DisclosureCsvRow"/>).</summary>
public sealed record DisclosureCsvExport(DateTime ExportedAt, IAsyncEnumerable<DisclosureCsvRow> Rows)
{
    public string FileName => $"com1-disclosures-{ExportedAt:yyyy-MM-dd}.csv";
}

/// <summary>One exported entry: the canonical fields, when it joined the log, and its hashes.</summary>
public sealed record DisclosureExportEntry(
    int Sequence,
    string CustomerId,
    Guid DisclosureId,
    string RecipientName,
    RecipientCategory RecipientCategory,
    DisclosureGround Ground,
    DataCategories Categories,
    string Description,
    string Reference,
    DateTime OccurredAt,
    DateTime RecordedAt,
    string RecordedBy,
    NoticeRule NoticeRule,
    DateTime? NoticeDelayedUntil,
    Guid? CorrectsId,
    DateTime AddedAt,
    string PreviousHash,
    string Hash)
{
    /// <summary>The columns of the CSV and the properties of each JSON entry, in this order.</summary>
    public static readonly string[] Columns =
    [
        "sequence", "occurredAt", "recipient", "recipientCategory", "ground", "dataCategories", "description", "reference",
        "notice", "corrects", "recordedAt", "recordedBy", "disclosure", "customer", "addedAt", "previous", "hash",
    ];

    /// <summary>The values, as text, in the order of <see cref="Columns"/>; canonical fields exactly as hashed.</summary>
    public string[] Values() =>
    [
        Sequence.ToString(CultureInfo.InvariantCulture),
        Time(OccurredAt),
        RecipientName,
        RecipientCategory.ToString(),
        Ground.ToString(),
        string.Join(",", Categories.Each()),
        Description,
        Reference,
        NoticeRule + (NoticeDelayedUntil is { } until ? ":" + Time(until) : ""),
        CorrectsId?.ToString("D") ?? "",
        Time(RecordedAt),
        RecordedBy,
        DisclosureId.ToString("D"),
        CustomerId,
        Time(AddedAt),
        PreviousHash,
        Hash,
    ];

    // As DisclosureChain writes times: UTC to the second, ISO 8601.
    private static string Time(DateTime time) =>
        DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
