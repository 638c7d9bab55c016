namespace Com1ControlPanel.Tests.Support;

/// <summary>
/// The whole app with a public address of its own, unlike any host a test request names, so a link built from the
/// public address can be told apart from one built from the request.
/// </summary>
public sealed class PublicAddressPanel : IDisposable
{
    public const string PublicBaseUrl = "https://panel.example.test/";

    public PanelAppFactory App { get; } = new() { Settings = { ["Panel:PublicBaseUrl"] = PublicBaseUrl } };

    public void Dispose() => App.Dispose();
}
