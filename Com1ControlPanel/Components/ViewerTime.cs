using Com1ControlPanel.Infrastructure.Time;

namespace Com1ControlPanel.Components;

/// <summary>The visitor's time zone (from the cookie the browser script sets), used to show stored UTC times locally.</summary>
public sealed record ViewerTime(TimeZoneInfo Zone)
{
    public static readonly string CookieName = Features.Cookies.CookieRegistry.TimeZone.Name;

    public static ViewerTime Utc { get; } = new(TimeZoneInfo.Utc);

    public static string? ZoneId(HttpContext context) => context.Request.Cookies[CookieName];

    /// <summary>The zone the browser reported; a missing or unknown one is UTC, and the page says so.</summary>
    public static ViewerTime For(string? zoneId) => TimeText.FindZone(zoneId) is { } zone ? new(zone) : Utc;

    public DateTime ToLocal(DateTime utc) => TimeText.ToLocal(utc, Zone);

    /// <summary>"30 Nov 2026, 15:05 UTC+1": every time on a page names its zone.</summary>
    public string Format(DateTime utc) => TimeText.Format(utc, Zone);
}
