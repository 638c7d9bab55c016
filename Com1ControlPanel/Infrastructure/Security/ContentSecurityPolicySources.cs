namespace Com1ControlPanel.Infrastructure.Security;

/// <summary>
/// Origins beyond the panel's own that its pages may load scripts from, frame, or connect to. Empty by default; a
/// feature adds an origin only while it is configured to use it (the Stripe payment gateway, for one).
/// </summary>
public sealed class ContentSecurityPolicySources
{
    public List<string> Scripts { get; } = [];
    public List<string> Frames { get; } = [];
    public List<string> Connections { get; } = [];
}
