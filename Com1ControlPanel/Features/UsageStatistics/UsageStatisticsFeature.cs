namespace Com1ControlPanel.Features.UsageStatistics;

public static class UsageStatisticsFeature
{
    /// <summary>Page-view counts, kept in memory and written to the database in the background.</summary>
    public static IServiceCollection AddUsageStatistics(this IServiceCollection services)
    {
        services.AddSingleton<UsageCounter>();
        services.AddHostedService<UsageCounterFlusher>();
        return services;
    }
}
