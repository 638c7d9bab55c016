namespace Com1ControlPanel.Infrastructure.Hosting;

/// <summary>The "Panel" section of configuration: facts about where the panel runs.</summary>
public sealed class PanelOptions
{
    public const string Section = "Panel";

    /// <summary>
    /// The address customers reach the panel at. Every link in an email is built from it (never from the request, whose
    /// Host header anyone can write), and its host is the one the panel answers to.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080/";

    /// <summary>More hosts the panel answers to besides the public address's, separated by semicolons.</summary>
    public string AllowedHosts { get; set; } = "";

    public Uri PublicBaseUri => new(PublicBaseUrl.EndsWith('/') ? PublicBaseUrl : PublicBaseUrl + "/");
}
