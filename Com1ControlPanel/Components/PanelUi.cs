using MudBlazor.Services;

namespace Com1ControlPanel.Components;

public static class PanelUi
{
    /// <summary>Interactive server components, within the panel's circuit limits, and MudBlazor.</summary>
    public static IServiceCollection AddPanelUi(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddRazorComponents().AddInteractiveServerComponents().WithPanelCircuitLimits(environment);
        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomCenter;
            options.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        return services.AddPanelWording();
    }

    /// <summary>MudBlazor's messages about values it cannot read, in the panel's words (<see cref="PanelWording"/>).</summary>
    public static IServiceCollection AddPanelWording(this IServiceCollection services) =>
        services.AddTransient<MudBlazor.MudLocalizer, PanelWording>();
}
