namespace Com1ControlPanel.Features.Preferences;

/// <summary>
/// What the customer downloads as proof of their choices: who they are to Com 1, where every switch stands, and every
/// change ever recorded, with who made it and under which policy version.
/// </summary>
public sealed record ConsentReceipt(
    string Issuer,
    DateTime GeneratedAt,
    string PolicyVersionInForce,
    ReceiptCustomer Customer,
    IReadOnlyList<ReceiptChoice> CurrentChoices,
    IReadOnlyList<ReceiptRecord> Records);

public sealed record ReceiptCustomer(string CustomerNumber, string FullName, string Email);

public sealed record ReceiptChoice(MarketingPurpose Purpose, ContactChannel Channel, string Description, bool Allowed);

public sealed record ReceiptRecord(
    long Id, DateTime RecordedAt, MarketingPurpose Purpose, ContactChannel Channel, bool? Before, bool After,
    Infrastructure.Auditing.ChangeSource Source, string ChangedBy, string PolicyVersion);
