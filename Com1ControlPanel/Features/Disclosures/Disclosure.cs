namespace Com1ControlPanel.Features.Disclosures;

/// <summary>
/// One act of sharing customer data, recorded once, affecting one or many customers (each gets a
/// <see cref="DisclosureEntry"/> in their own log). Never edited or deleted: a correction is a new disclosure
/// that points at the one it corrects.
/// </summary>
public sealed class Disclosure
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string RecipientName { get; init; }
    public RecipientCategory RecipientCategory { get; init; }
    public DisclosureGround Ground { get; init; }
    public DataCategories Categories { get; init; }
    public required string Description { get; init; }
    /// <summary>Case or order number, agreement, or other reference; may be empty.</summary>
    public string Reference { get; init; } = "";
    /// <summary>When the data was handed over.</summary>
    public DateTime OccurredAt { get; init; }
    public DateTime RecordedAt { get; init; }
    public required string RecordedByUserId { get; init; }
    public required string RecordedByName { get; init; }
    public NoticeRule NoticeRule { get; init; }
    /// <summary>With <see cref="NoticeRule.DelayedUntil"/>: the day the law allows the customer to be told.</summary>
    public DateTime? NoticeDelayedUntil { get; init; }
    /// <summary>The disclosure this one corrects, if it is a correction.</summary>
    public Guid? CorrectsId { get; init; }
    /// <summary>How many customers it was recorded for (all entries are written, or none).</summary>
    public int AffectedCustomers { get; set; }
    public DisclosureStatus Status { get; set; }
}

public enum DisclosureStatus
{
    /// <summary>Recorded; its entries are being written in the background.</summary>
    Writing,
    /// <summary>Every affected customer has their entry (or pending entry, when notice is delayed).</summary>
    Recorded,
    Failed,
}

/// <summary>
/// A disclosure in one customer's log: the next link of that customer's hash chain. Its hash covers the disclosure's
/// content, the customer, its place in the chain and the previous entry's hash, so any change shows.
/// </summary>
public sealed class DisclosureEntry
{
    public long Id { get; init; }
    public required string CustomerId { get; init; }
    public Guid DisclosureId { get; init; }
    public Disclosure? Disclosure { get; init; }
    /// <summary>1, 2, 3… within the customer's log: the chain's order and the timeline's keyset cursor.</summary>
    public int Sequence { get; init; }
    /// <summary>When the entry joined the customer's log (and became visible to them).</summary>
    public DateTime AddedAt { get; init; }
    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }
}

/// <summary>The newest link of a customer's chain, so appending never scans their whole log.</summary>
public sealed class DisclosureChainHead
{
    public required string CustomerId { get; init; }
    public int Sequence { get; set; }
    public required string Hash { get; set; }
}

/// <summary>
/// An entry the law does not yet allow the customer to see. It joins their log (and chain) on <see cref="ReleaseAt"/>,
/// so until then nothing in their log, its count or its hashes betrays it.
/// </summary>
public sealed class PendingDisclosureEntry
{
    public long Id { get; init; }
    public required string CustomerId { get; init; }
    public Guid DisclosureId { get; init; }
    public DateTime ReleaseAt { get; init; }
}

/// <summary>That (and when) a customer was told about an entry, by an Essential email and a panel notification.</summary>
public sealed class DisclosureNotice
{
    public long EntryId { get; init; }
    public required string CustomerId { get; init; }
    public DateTime NotifiedAt { get; init; }
}

/// <summary>
/// What the background writer needs to write a group disclosure, kept in the database so that any instance of the panel
/// can finish a write another began: the audience as the officer chose it (cleared once every entry is written, as it may
/// name customers), and how many customers it reaches and skips, which the register shows.
/// </summary>
public sealed class DisclosureWriteJob
{
    public Guid DisclosureId { get; init; }
    /// <summary>The <see cref="Compliance.DisclosureAudience"/> as JSON while entries remain to be written; then null.</summary>
    public string? Audience { get; set; }
    /// <summary>Customers the disclosure is written for (those who opted out not counted).</summary>
    public int TotalCustomers { get; set; }
    /// <summary>Customers left out because they opted out of partner sharing.</summary>
    public int SkippedCustomers { get; set; }
    public DateTime QueuedAt { get; init; }
}
