namespace Com1ControlPanel.Features.Preferences;

/// <summary>The "Preferences" section of configuration.</summary>
public sealed class PreferencesOptions
{
    public const string Section = "Preferences";

    /// <summary>
    /// Countries where marketing needs consent first (opt-in); <see cref="DefaultOptInCountries"/> unless configuration
    /// names them. Everywhere else the privacy policy's opt-out model applies.
    /// </summary>
    /// <remarks>
    /// Empty here rather than the default list: the configuration binder adds configured items to an array's starting
    /// items, so a default list could only ever grow, never be replaced.
    /// </remarks>
    public string[] OptInCountries { get; set; } = [];

    /// <summary>The EU, the EEA, the United Kingdom and Switzerland.</summary>
    public static readonly IReadOnlyList<string> DefaultOptInCountries =
    [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", // EU
        "IS", "LI", "NO", // EEA
        "GB", "CH",
    ];

    /// <summary>The countries in force: the configured ones, or the default list.</summary>
    public IReadOnlyList<string> OptInCountriesInForce => OptInCountries.Length > 0 ? OptInCountries : DefaultOptInCountries;
}
