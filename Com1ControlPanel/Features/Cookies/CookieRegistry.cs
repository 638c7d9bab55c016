namespace Com1ControlPanel.Features.Cookies;

/// <summary>
/// Every cookie the panel sets, in one list: the cookies page is made from it, the features that set a cookie take its
/// name from here, and the browser sweep fails on any cookie the panel sets that is not listed (or that needs consent and
/// was set without it). Add a cookie here before setting it anywhere.
/// </summary>
public static class CookieRegistry
{
    public static readonly PanelCookie SignIn = new("com1.auth",
        "Keeps you signed in. Also carries a Com 1 support agent's session while they act in an account.",
        "Until you sign out or close the browser; at most 12 hours for customers and 8 hours for staff", Essential: true);

    public static readonly PanelCookie TwoFactorUser = new("Identity.TwoFactorUserId",
        "Remembers who is signing in between the password and the second step (authenticator code, recovery code or passkey).",
        "5 minutes, or until the sign-in is complete", Essential: true);

    public static readonly PanelCookie TwoFactorRemembered = new("Identity.TwoFactorRememberMe",
        "Set only when you tick \"Remember this machine\" at the second step, so this browser skips it next time.",
        "14 days", Essential: true);

    public static readonly PanelCookie ExternalSignIn = new("Identity.External",
        "Carries a sign-in with another service back to the panel, for the moment it takes.",
        "5 minutes, or until the sign-in is complete", Essential: true);

    public static readonly PanelCookie Antiforgery = new(".AspNetCore.Antiforgery.",
        "Proves that a form you send was made by the panel, so another site cannot send it in your name.",
        "Until the browser closes", Essential: true, NameIsPrefix: true);

    public static readonly PanelCookie StatusMessage = new("Identity.StatusMessage",
        "Carries a one-line message (\"Your password has been changed\") to the next account page.",
        "5 seconds", Essential: true);

    public static readonly PanelCookie Theme = new("com1-theme",
        "The light or dark theme you chose with the theme switch.", "1 year", Essential: true);

    public static readonly PanelCookie DeviceTheme = new("com1-scheme",
        "Your device's light or dark setting, noted by the page until you choose a theme, so the next page opens in it.",
        "1 year", Essential: true);

    public static readonly PanelCookie TimeZone = new("com1-tz",
        "Your time zone's name (such as Europe/Berlin), so times are shown in your local time. When you are signed in, your "
        + "account keeps the latest one, so emails and notifications give times in it too.", "1 year", Essential: true);

    public static readonly PanelCookie CookieChoice = new("com1-cookies",
        "Your answer to the cookie banner when you are not signed in (signed-in customers' answers are kept with their account).",
        "6 months", Essential: true);

    public static readonly PanelCookie UsageStatistics = new("com1-usage",
        "A random number that tells a new visitor from a returning one in the page-view counts. Set only if you allow usage statistics.",
        "1 year", Essential: false);

    public static IReadOnlyList<PanelCookie> All { get; } =
        [SignIn, TwoFactorUser, TwoFactorRemembered, ExternalSignIn, Antiforgery, StatusMessage, Theme, DeviceTheme, TimeZone,
         CookieChoice, UsageStatistics];

    /// <summary>The entry for a cookie the browser holds; null when the panel does not list it.</summary>
    public static PanelCookie? Find(string name) => All.FirstOrDefault(c => c.Matches(name));
}

/// <summary>One cookie of the panel as the cookies page describes it.</summary>
/// <param name="Essential">Needed for what the visitor asked for; the others wait for consent.</param>
/// <param name="NameIsPrefix">The framework adds a suffix of its own (the antiforgery cookie's name ends in a hash of the app).</param>
public sealed record PanelCookie(string Name, string Purpose, string Lifetime, bool Essential, bool NameIsPrefix = false)
{
    public bool Matches(string name) => NameIsPrefix ? name.StartsWith(Name, StringComparison.Ordinal) : name == Name;

    public string DisplayName => NameIsPrefix ? Name + "…" : Name;
}
