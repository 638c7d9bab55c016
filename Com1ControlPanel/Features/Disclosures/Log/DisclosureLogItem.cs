namespace Com1ControlPanel.Features.Disclosures.Log;

/// <summary>One entry of the signed-in customer's disclosure log, as the timeline and the detail view show it.</summary>
public sealed record DisclosureLogItem(
    int Sequence,
    Guid DisclosureId,
    DateTime OccurredAt,
    DateTime RecordedAt,
    DateTime AddedAt,
    string RecipientName,
    RecipientCategory RecipientCategory,
    DisclosureGround Ground,
    DataCategories Categories,
    string Description,
    string Reference,
    DisclosureNoticeView Notice,
    bool IsCorrection,
    int? CorrectsSequence,
    int? CorrectedBySequence,
    string PreviousHash,
    string Hash);

/// <summary>How and when the customer was told about an entry.</summary>
public sealed record DisclosureNoticeView(NoticeRule Rule, DateTime? DelayedUntil, DateTime? NotifiedAt);

/// <summary>
/// What the customer narrows the timeline to. Dates are UTC bounds on when the data was handed over: from inclusive,
/// before exclusive (the page turns the days the customer picks, in their time zone, into these bounds).
/// </summary>
public sealed record DisclosureFilter(
    RecipientCategory? Recipient = null,
    DisclosureGround? Ground = null,
    DataCategories? Data = null,
    DateTime? OccurredFrom = null,
    DateTime? OccurredBefore = null,
    string? Search = null)
{
    public const int MaxSearchLength = 100;

    public static DisclosureFilter None { get; } = new();

    public bool IsEmpty => Recipient is null && Ground is null && (Data ?? DataCategories.None) == DataCategories.None
        && OccurredFrom is null && OccurredBefore is null && string.IsNullOrWhiteSpace(Search);
}

/// <summary>
/// A page of the timeline, newest first. <see cref="OlderThan"/> is the cursor for the next page: the sequence of this
/// page's oldest entry, or null when there is nothing older.
/// </summary>
public sealed record DisclosurePage(IReadOnlyList<DisclosureLogItem> Items, int? OlderThan);
