using System.Globalization;
using Com1ControlPanel.Components;

namespace Com1ControlPanel.Features.Disclosures.Log;

/// <summary>How and when the customer was told about an entry, in words, with times in the viewer's zone.</summary>
public static class NoticeText
{
    public static string Describe(DisclosureNoticeView notice, ViewerTime time) => notice switch
    {
        { Rule: NoticeRule.DelayedUntil } => $"Notice of this disclosure was delayed until {Day(notice.DelayedUntil, time)}, as the law required."
            + (notice.NotifiedAt is { } told ? $" We told you by email and in your panel on {time.Format(told)}." : " We are telling you now."),
        { Rule: NoticeRule.NoSeparateNotice } =>
            "No separate notice: this kind of disclosure (for example to the public domain registry) is recorded here without an email.",
        { NotifiedAt: { } at } => $"We told you by email and in your panel on {time.Format(at)}.",
        _ => "We are telling you by email and in your panel now.",
    };

    private static string Day(DateTime? utc, ViewerTime time) => utc is { } value
        ? time.ToLocal(value).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
        : "a date the law set";
}
