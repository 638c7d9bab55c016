namespace Com1ControlPanel.Components;

/// <summary>The visitor's time zone (from the cookie the browser script sets), used to show stored UTC times locally.</summary>
public sealed record ViewerTime(TimeZoneInfo Zone)
{
    public static readonly string CookieName = Features.Cookies.CookieRegistry.TimeZone.Name;

    public static ViewerTime Utc { get; } = new(TimeZoneInfo.Utc);

    public static string? ZoneId(HttpContext context) => context.Request.Cookies[CookieName];

    public static ViewerTime For(string? zoneId) =>
        zoneId is { Length: > 0 and < 64 } && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? new(zone) : Utc;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public string Format(DateTime utc) =>
        ToLocal(utc).ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture)
        + (Zone == TimeZoneInfo.Utc ? " UTC" : "");
}
