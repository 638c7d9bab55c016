using Com1ControlPanel.Features.Preferences;

namespace Com1ControlPanel.Tests.Features.Preferences;

public sealed class ConsentDefaultsTests : ServiceTest
{
    private ConsentDefaults Rule => Kit.Get<ConsentDefaults>();

    [Theory]
    [InlineData("DE")]
    [InlineData("FR")]
    [InlineData("NO")]
    [InlineData("GB")]
    [InlineData("CH")]
    [InlineData("ie")]
    public void Where_consent_must_come_first_every_optional_switch_starts_off(string country) =>
        Assert.All(Rule.For(country), choice => Assert.False(choice.Value, $"{choice.Key.Label} starts on in {country}"));

    [Theory]
    [InlineData("US")]
    [InlineData("CA")]
    [InlineData("AU")]
    [InlineData("JP")]
    public void Elsewhere_the_policys_opt_out_model_starts_every_switch_on(string country) =>
        Assert.All(Rule.For(country), choice => Assert.True(choice.Value, $"{choice.Key.Label} starts off in {country}"));

    [Fact]
    public void Every_switch_of_the_page_gets_a_starting_position() =>
        Assert.Equal(ConsentKey.All.ToHashSet(), Rule.For("US").Keys.ToHashSet());

    [Fact]
    public void The_list_of_opt_in_countries_comes_from_the_preferences_options()
    {
        using var configured = new PanelServices(services: s => s.Configure<PreferencesOptions>(o => o.OptInCountries = ["US"]));
        var rule = configured.Get<ConsentDefaults>();

        Assert.True(rule.RequiresOptIn("US"));
        Assert.False(rule.RequiresOptIn("DE"));
    }

    [Fact]
    public void Countries_named_in_configuration_replace_the_default_list()
    {
        using var configured = new PanelServices(settings: new Dictionary<string, string>
        {
            [$"{PreferencesOptions.Section}:OptInCountries:0"] = "US",
        });
        var rule = configured.Get<ConsentDefaults>();

        Assert.True(rule.RequiresOptIn("US"));
        Assert.False(rule.RequiresOptIn("DE"));
    }
}
