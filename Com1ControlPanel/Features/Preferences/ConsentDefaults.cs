using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Features.Preferences;

/// <summary>
/// The starting position of every switch for a new customer: all off where consent must come first
/// (<see cref="PreferencesOptions.OptInCountriesInForce"/>), all on elsewhere, where the policy lets customers opt out.
/// </summary>
public sealed class ConsentDefaults(IOptions<PreferencesOptions> options)
{
    /// <summary>Who "made" the starting choices of a new account: the panel, applying the country rule.</summary>
    public static readonly Actor CountryRule = new("system", "Com 1 Control Panel", ChangeSource.RegistrationDefault);

    public bool RequiresOptIn(string countryCode) =>
        options.Value.OptInCountriesInForce.Contains(countryCode, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<ConsentKey, bool> For(string countryCode)
    {
        var granted = !RequiresOptIn(countryCode);
        return ConsentKey.All.ToDictionary(key => key, _ => granted);
    }
}
