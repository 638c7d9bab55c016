namespace Com1ControlPanel.Infrastructure.Hosting;

/// <summary>The "Panel" section of configuration: facts about where the panel runs.</summary>
public sealed class PanelOptions
{
    public const string Section = "Panel";

    /// <summary>
    /// The address customers reach the panel at, for links in emails written outside a web request
    /// (background jobs have no request to take it from).
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080/";

    public Uri PublicBaseUri => new(PublicBaseUrl.EndsWith('/') ? PublicBaseUrl : PublicBaseUrl + "/");
}
