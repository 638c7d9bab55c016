using Com1ControlPanel.Features.Disclosures.Compliance;
using Com1ControlPanel.Features.Disclosures.Log;

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
        services.AddSingleton<DisclosureNoticeSignal>();
        services.AddSingleton<DisclosureNotices>();
        services.AddHostedService<DisclosureNoticeJob>();
        services.AddSingleton<DisclosureWriteQueue>();
        services.AddSingleton<DisclosureWriteProgress>();
        services.AddSingleton<DisclosureWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<DisclosureWriter>());
        services.AddScoped<DisclosureRecorder>();
        services.AddScoped<DisclosureLogService>();
        return services;
    }

    /// <summary>The customer's exports of their own log.</summary>
    public static IEndpointRouteBuilder MapDisclosures(this IEndpointRouteBuilder endpoints) => endpoints.MapDisclosureLog();
}
