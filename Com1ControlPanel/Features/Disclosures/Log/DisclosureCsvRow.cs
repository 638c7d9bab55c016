using Com1ControlPanel.Components;

namespace Com1ControlPanel.Features.Disclosures.Log;

/// <summary>
/// One entry of the CSV export, which is for people: the page's words, times as the page shows them (UTC), who recorded
/// it by role and name. The JSON export keeps the canonical values for verification; the hashes are here too.
/// </summary>
public sealed record DisclosureCsvRow(
    int Sequence,
    DateTime OccurredAt,
    string RecipientName,
    RecipientCategory RecipientCategory,
    DisclosureGround Ground,
    DataCategories Categories,
    string Description,
    string Reference,
    NoticeRule NoticeRule,
    DateTime? NoticeDelayedUntil,
    DateTime? NotifiedAt,
    bool IsCorrection,
    int? CorrectsSequence,
    DateTime RecordedAt,
    string RecordedByName,
    bool RecordedByHostmaster,
    DateTime AddedAt,
    string PreviousHash,
    string Hash)
{
    public static readonly string[] Columns =
    [
        "Entry", "When it was shared", "Who received it", "Kind of recipient", "Why", "What was shared", "Description",
        "Reference", "How you were told", "Corrects", "Recorded on", "Recorded by", "Added to your log",
        "Hash of the entry before it", "Hash (SHA-256)",
    ];

    public string[] Values()
    {
        var time = ViewerTime.Utc;
        return
        [
            Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            time.Format(OccurredAt),
            RecipientName,
            RecipientCategory.Label(),
            Ground.Label(),
            string.Join(", ", Categories.Each().Select(c => c.Label())),
            Description,
            Reference,
            NoticeText.Describe(new DisclosureNoticeView(NoticeRule, NoticeDelayedUntil, NotifiedAt), time),
            !IsCorrection ? "" : CorrectsSequence is { } corrected ? $"Entry #{corrected}" : "An earlier disclosure",
            time.Format(RecordedAt),
            // Staff are named as the customer's other pages name them, never by their user id.
            $"Com 1 {(RecordedByHostmaster ? "hostmaster" : "compliance")} ({RecordedByName})",
            time.Format(AddedAt),
            PreviousHash,
            Hash,
        ];
    }
}
