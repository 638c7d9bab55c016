namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// Browser tests share one served app and one Chromium and run one after another: two cores cannot drive several browsers
/// at once reliably. Each test makes the customers and staff it signs in as, or changes, so none depends on another; demo
/// accounts are only looked at. Every class in it carries <c>[Trait("Category", "EndToEnd")]</c>, which
/// <c>./test.sh --fast</c> leaves out. The pages a test opened are closed when it ends.
/// </summary>
[CollectionDefinition(Name)]
[ClosesBrowserPages]
public sealed class EndToEndCollection : ICollectionFixture<BrowserApp>, ICollectionFixture<DebianChromium>
{
    public const string Name = "End to end";
}

/// <summary>The app served on 127.0.0.1 for the browser tests.</summary>
public sealed class BrowserApp() : PanelApp(new AppOptions { Served = true });
