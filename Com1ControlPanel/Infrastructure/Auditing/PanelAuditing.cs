using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Com1ControlPanel.Infrastructure.Auditing;

public static class PanelAuditing
{
    /// <summary>The clock every record is stamped with (tests put a fake one first), and who is signed in and acting.</summary>
    public static IServiceCollection AddPanelAuditing(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CurrentUser>();
        return services;
    }
}
