namespace Com1ControlPanel.Features.Preferences;

/// <summary>The "Preferences" section of configuration.</summary>
public sealed class PreferencesOptions
{
    public const string Section = "Preferences";

    /// <summary>
    /// Countries where marketing needs consent first (opt-in): the EU, the EEA, the United Kingdom and Switzerland.
    /// Everywhere else the privacy policy's opt-out model applies.
    /// </summary>
    public string[] OptInCountries { get; set; } =
    [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", // EU
        "IS", "LI", "NO", // EEA
        "GB", "CH",
    ];

    /// <summary>The privacy policy version in force, recorded with every consent change.</summary>
    public string PolicyVersion { get; set; } = "2008-06";
}
