using System.Globalization;
using Com1ControlPanel.Components;

namespace Com1ControlPanel.Features.Disclosures.Compliance;

/// <summary>Words and times the compliance pages share.</summary>
public static class ComplianceText
{
    public static string Customers(int count) => count == 1 ? "1 customer" : $"{count:N0} customers";

    public static string Categories(DataCategories categories) => string.Join(", ", categories.Each().Select(c => c.Label()));

    public static string Notice(NoticeRule rule, DateTime? delayedUntil) => rule switch
    {
        NoticeRule.NotifyNow => "Each customer is told now, by an Essential email and a notification in their panel.",
        NoticeRule.DelayedUntil => $"Hidden from the customers until {Day(delayedUntil)}, as the law requires; then it appears in their log and they are told.",
        _ => "No separate notice: the entry appears in each customer's log without an email.",
    };

    /// <summary>How the customers were told about a recorded disclosure, for the register.</summary>
    public static string NoticeSummary(NoticeRule rule, DateTime? delayedUntil) => rule switch
    {
        NoticeRule.NotifyNow => "Customers told at once, by email and in their panel.",
        NoticeRule.DelayedUntil => $"Notice delayed by law until {Day(delayedUntil)}: hidden from the customers until then.",
        _ => "No separate notice: in the customers' logs without an email.",
    };

    public static string NoticeLabel(NoticeRule rule) => rule switch
    {
        NoticeRule.NotifyNow => "Notify the customers now",
        NoticeRule.DelayedUntil => "Delay notice until a date (the law requires it)",
        _ => "No separate notice (for example the public domain registry)",
    };

    public static string Day(DateTime? utc) =>
        utc is { } value ? value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : "a date the law set";

    /// <summary>A day (and time) the officer chose in their own time zone, as the UTC time it stands for.</summary>
    public static DateTime ToUtc(DateTime localDay, TimeSpan? timeOfDay, ViewerTime viewer)
    {
        var local = DateTime.SpecifyKind(localDay.Date + (timeOfDay ?? TimeSpan.Zero), DateTimeKind.Unspecified);
        // Where clocks skip ahead, a time in the gap is taken as the hour after it.
        return TimeZoneInfo.ConvertTimeToUtc(viewer.Zone.IsInvalidTime(local) ? local.AddHours(1) : local, viewer.Zone);
    }
}
