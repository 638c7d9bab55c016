using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Components;

/// <summary>
/// What the visitor's browser told the server with the page request: the chosen theme and time zone (cookies) and
/// the Global Privacy Control signal (Sec-GPC). Read once per page load and handed to the interactive pages,
/// which have no request of their own.
/// </summary>
/// <param name="CookieAnswer">The cookie banner's answer cookie of a visitor who is not signed in, as the browser sent it.</param>
public sealed record Visitor(bool DarkMode, string? TimeZone, bool GlobalPrivacyControl, string? CookieAnswer = null)
{
    public static Visitor Default { get; } = new(false, null, false);

    public ViewerTime Time => ViewerTime.For(TimeZone);

    public static Visitor From(HttpContext context) => new(
        ThemePreference.IsDark(context),
        ViewerTime.ZoneId(context),
        // In a support session the browser is the agent's: its signal is not the customer's and is not honoured.
        SendsGlobalPrivacyControl(context.Request) && !context.User.IsSupportSession(),
        context.Request.Cookies[Features.Cookies.CookieRegistry.CookieChoice.Name]);

    /// <summary>The Global Privacy Control header: "Sec-GPC: 1" means "do not sell or share my data".</summary>
    public static bool SendsGlobalPrivacyControl(HttpRequest request) => request.Headers["Sec-GPC"] == "1";
}
