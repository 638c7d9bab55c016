using Com1ControlPanel.Features.Disclosures.Compliance;
using Com1ControlPanel.Features.Disclosures.Log;
using Com1ControlPanel.Infrastructure.Jobs;
using Hangfire;

namespace Com1ControlPanel.Features.Disclosures;

public static class DisclosuresFeature
{
    /// <summary>
    /// The disclosure ledger and its delayed notices; recording disclosures (Compliance/, with the background writer of
    /// group disclosures); and the customer's own log (Log/).
    /// </summary>
    public static IServiceCollection AddDisclosures(this IServiceCollection services)
    {
        services.AddSingleton<DisclosureLedger>();
        services.AddSingleton(sp => new DisclosureNoticeSignal(sp.GetService<IBackgroundJobClient>(), sp.GetService<TimeProvider>()));
        services.AddSingleton<DisclosureNotices>();
        services.AddRecurringJob<DisclosureNotices>("disclosure-notices", n => n.RunAsync(CancellationToken.None), Cron.Minutely(),
            runAtStart: true);
        services.AddSingleton<IDisclosureWriteQueue, DisclosureJobQueue>();
        services.AddSingleton<DisclosureWriter>();
        services.AddScoped<DisclosureRecorder>();
        services.AddScoped<DisclosureLogService>();
        return services;
    }

    /// <summary>The customer's exports of their own log.</summary>
    public static IEndpointRouteBuilder MapDisclosures(this IEndpointRouteBuilder endpoints) => endpoints.MapDisclosureLog();
}
