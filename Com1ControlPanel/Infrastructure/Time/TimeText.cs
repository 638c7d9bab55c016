using System.Globalization;

namespace Com1ControlPanel.Infrastructure.Time;

/// <summary>
/// How the panel writes a stored UTC time for a person, on pages, in emails and in notifications alike: in one time
/// zone, named after the time ("30 Nov 2026, 15:05 UTC+1"), so nobody reads a time without knowing its zone.
/// </summary>
public static class TimeText
{
    /// <summary>The longest zone id kept; the longest IANA id is 32 characters.</summary>
    public const int ZoneIdLength = 64;

    /// <summary>An IANA time zone id as a browser reports it; null when it is missing or unknown here.</summary>
    public static TimeZoneInfo? FindZone(string? zoneId) =>
        zoneId is { Length: > 0 and < ZoneIdLength } && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone : null;

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>Day and time: "30 Nov 2026, 15:05 UTC+1".</summary>
    public static string Format(DateTime utc, TimeZoneInfo zone) =>
        ToLocal(utc, zone).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " " + ZoneName(utc, zone);

    /// <summary>The time of day only, for a time the reader knows is today: "15:05 UTC+1".</summary>
    public static string Clock(DateTime utc, TimeZoneInfo zone) =>
        ToLocal(utc, zone).ToString("HH:mm", CultureInfo.InvariantCulture) + " " + ZoneName(utc, zone);

    /// <summary>The day only, as the zone counts days: "30 November 2026".</summary>
    public static string Day(DateTime utc, TimeZoneInfo zone) =>
        ToLocal(utc, zone).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// The zone as its offset from UTC at that moment (summer time included): "UTC", "UTC+1", "UTC-5", "UTC+5:30".
    /// An offset rather than an abbreviation: .NET knows no abbreviations on Linux, and an offset reads the same everywhere.
    /// </summary>
    public static string ZoneName(DateTime utc, TimeZoneInfo zone)
    {
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }
        var minutes = offset.Minutes == 0 ? "" : $":{Math.Abs(offset.Minutes):00}";
        return $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{Math.Abs(offset.Hours)}{minutes}";
    }
}
