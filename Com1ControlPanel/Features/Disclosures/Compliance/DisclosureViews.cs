namespace Com1ControlPanel.Features.Disclosures.Compliance;

/// <summary>
/// Who a disclosure will reach, and who it leaves out and why: listed addresses (or a customer) that match nobody, accounts
/// that are not active (for everyone and for a service), and customers who opted out of partner sharing.
/// </summary>
public sealed record DisclosureReach(int Reached, int OptedOut, int NotFound, int NotActive)
{
    public static DisclosureReach None { get; } = new(0, 0, 0, 0);

    public int Excluded => OptedOut + NotFound + NotActive;
}

public abstract record DisclosureRecordResult
{
    /// <summary>Written at once (one customer): the entry is in their log, or pending while notice is delayed.</summary>
    public sealed record Recorded(Guid Id) : DisclosureRecordResult;

    /// <summary>Stored and handed to the background writer; its progress shows in the list.</summary>
    public sealed record Writing(Guid Id, int Customers) : DisclosureRecordResult;

    /// <summary>Fields the rules refuse, by name; nothing was written.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : DisclosureRecordResult;

    /// <summary>The policy refuses the disclosure as a whole (for example partner sharing the customer opted out of); nothing was written.</summary>
    public sealed record Refused(string Reason) : DisclosureRecordResult;
}

/// <summary>One page of recorded disclosures, newest first.</summary>
public sealed record DisclosureRegisterPage(IReadOnlyList<DisclosureSummary> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A disclosure as the register lists it, with the disclosure it corrects and those that correct it.</summary>
public sealed record DisclosureSummary(
    Guid Id,
    string RecipientName,
    RecipientCategory RecipientCategory,
    DisclosureGround Ground,
    DataCategories Categories,
    string Description,
    string Reference,
    DateTime OccurredAt,
    DateTime RecordedAt,
    string RecordedByName,
    NoticeRule NoticeRule,
    DateTime? NoticeDelayedUntil,
    DisclosureStatus Status,
    int AffectedCustomers,
    WriteCounts? Counts,
    DisclosureLink? Corrects,
    IReadOnlyList<DisclosureLink> CorrectedBy,
    RegisterCustomer? Customer = null)
{
    public bool InProgress => Status == DisclosureStatus.Writing;

    /// <summary>How many customers it will reach in all, when this process knows (while and after it writes them).</summary>
    public int? Total => Counts?.Total ?? (Status == DisclosureStatus.Recorded ? AffectedCustomers : null);

    /// <summary>0–100, for the progress bar.</summary>
    public double Percent => Total is { } total && total > 0 ? Math.Min(100, 100.0 * AffectedCustomers / total) : InProgress ? 0 : 100;
}

/// <summary>A disclosure named by its recipient and when it was recorded, to link a correction and its original.</summary>
/// <summary>The one customer a single-customer disclosure reached, as the officer finds them again: name and customer number.</summary>
public sealed record RegisterCustomer(string FullName, string CustomerNumber);

public sealed record DisclosureLink(Guid Id, string RecipientName, DateTime RecordedAt);
