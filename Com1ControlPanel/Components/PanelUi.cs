using MudBlazor.Services;

namespace Com1ControlPanel.Components;

public static class PanelUi
{
    /// <summary>Interactive server components and MudBlazor.</summary>
    public static IServiceCollection AddPanelUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomCenter;
            options.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        return services;
    }
}
