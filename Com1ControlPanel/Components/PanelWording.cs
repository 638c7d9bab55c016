using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Com1ControlPanel.Components;

/// <summary>
/// MudBlazor's messages about a value it cannot read ("Not a valid date time"), said as the panel says things: what to
/// type, with an example. Every other text stays MudBlazor's own.
/// </summary>
public sealed class PanelWording : MudLocalizer
{
    private static readonly Dictionary<string, string> Sentences = new()
    {
        // Every date field of the panel shows and takes dates as YYYY-MM-DD.
        ["Converter_InvalidDateTime"] = "Enter the date as YYYY-MM-DD, for example 2026-11-30.",
        ["Converter_InvalidTimeSpan"] = "Enter the time as HH:MM, for example 14:30.",
        ["Converter_InvalidNumber"] = "Enter a number, for example 12.",
    };

    public override LocalizedString this[string key] =>
        Sentences.TryGetValue(key, out var sentence) ? new LocalizedString(key, sentence) : base[key];
}
