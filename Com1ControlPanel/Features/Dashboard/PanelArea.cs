namespace Com1ControlPanel.Features.Dashboard;

/// <summary>A card on the dashboard leading to one area of the panel.</summary>
public sealed record PanelArea(string Title, string Description, string Href, string Icon);
