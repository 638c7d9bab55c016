namespace Com1ControlPanel.Features.Billing;

/// <summary>
/// The month and year printed on a card. A card works to the end of that month, so it expires at the first moment of
/// the month after (UTC).
/// </summary>
public readonly record struct CardExpiry(int Month, int Year)
{
    /// <summary>How long before it expires the customer is reminded, by email and in the panel.</summary>
    public static readonly TimeSpan ReminderLead = TimeSpan.FromDays(30);

    public DateTime ExpiresAt => new DateTime(Year, Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);

    public bool IsValid => Month is >= 1 and <= 12 && Year is >= 2000 and <= 2099;

    public CardState StateAt(DateTime now) =>
        now >= ExpiresAt ? CardState.Expired
        // Marked from the start of the month before its last: time enough to replace it before an invoice fails.
        : now >= ExpiresAt.AddMonths(-2) ? CardState.ExpiresSoon
        : CardState.Valid;

    /// <summary>True from <see cref="ReminderLead"/> before the card expires (and after, for a card never reminded of).</summary>
    public bool ReminderDueAt(DateTime now) => now >= ExpiresAt - ReminderLead;

    public override string ToString() => $"{Month:00}/{Year:0000}";
}

public enum CardState
{
    Valid,
    ExpiresSoon,
    Expired,
}
