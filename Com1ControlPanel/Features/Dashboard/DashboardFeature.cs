namespace Com1ControlPanel.Features.Dashboard;

public static class DashboardFeature
{
    /// <summary>The first page: the customer's summary, or the staff member's areas.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services) => services.AddScoped<DashboardService>();
}
