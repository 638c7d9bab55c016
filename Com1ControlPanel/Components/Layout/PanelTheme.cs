using MudBlazor;

namespace Com1ControlPanel.Components.Layout;

/// <summary>The Com 1 look: brand blue, calm greys, contrast that passes WCAG AA in both light and dark.</summary>
public static class PanelTheme
{
    /// <summary>The theme for a page in html[data-theme="light"].</summary>
    public static MudTheme Light { get; } = For("light");

    /// <summary>The theme for a page in html[data-theme="dark"].</summary>
    public static MudTheme Dark { get; } = For("dark");

    // Both go into every page, each under its own data-theme (PanelProviders), so the theme switches without a reload.
    private static MudTheme For(string mode) => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5cad",
            Secondary = "#00796b",
            Tertiary = "#6a3fa0",
            AppbarBackground = "#ffffff",
            AppbarText = "#1f2933",
            Background = "#f5f7fa",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1f2933",
            TextPrimary = "#1f2933",
            TextSecondary = "#52606d",
            Success = "#1b7f3b",
            Warning = "#9a5b00",
            Error = "#c62828",
            Info = "#0b5cad",
            LinesDefault = "#d9e2ec",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7cb8ff",
            // Light accents in the dark theme need dark text on top of them to stay readable.
            PrimaryContrastText = "#0b1a2b",
            Secondary = "#4fd1c5",
            SecondaryContrastText = "#0b1a2b",
            Tertiary = "#c3a6f2",
            TertiaryContrastText = "#0b1a2b",
            AppbarBackground = "#17212b",
            AppbarText = "#e4e7eb",
            Background = "#0f1720",
            Surface = "#17212b",
            DrawerBackground = "#17212b",
            DrawerText = "#e4e7eb",
            TextPrimary = "#e4e7eb",
            TextSecondary = "#a9b4c0",
            Success = "#5bd17f",
            SuccessContrastText = "#0b1a2b",
            Warning = "#f5b94a",
            WarningContrastText = "#0b1a2b",
            // Filled buttons in these colours (Suspend account, Remove card) carry dark text, as the accents above do.
            Error = "#ff8a80",
            ErrorContrastText = "#0b1a2b",
            Info = "#7cb8ff",
            InfoContrastText = "#0b1a2b",
            LinesDefault = "#2d3a47",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px", DrawerWidthLeft = "250px" },
        PseudoCss = new PseudoCss { Scope = $":root[data-theme='{mode}']" },
    };
}
