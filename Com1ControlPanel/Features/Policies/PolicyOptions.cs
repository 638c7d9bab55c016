namespace Com1ControlPanel.Features.Policies;

/// <summary>The "Policies" section of configuration.</summary>
public sealed class PolicyOptions
{
    public const string Section = "Policies";

    /// <summary>How many days ahead of its effective date a new version must be published, so customers hear of it first.</summary>
    public int NoticeDays { get; set; } = 30;
}
