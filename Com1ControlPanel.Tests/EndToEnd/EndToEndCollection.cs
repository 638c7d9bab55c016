namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>
/// Browser tests share one served app and one Chromium and run one after another: two cores cannot drive
/// several browsers at once reliably. Each test signs in with its own account or a fresh browser profile.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<Support.PanelServer>, ICollectionFixture<Support.DebianChromium>
{
    public const string Name = "End to end";
}
