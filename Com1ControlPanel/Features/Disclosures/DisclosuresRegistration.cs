using Com1ControlPanel.Features.Disclosures.Compliance;

namespace Com1ControlPanel.Features.Disclosures;

public static class DisclosuresRegistration
{
    public static IServiceCollection AddDisclosures(this IServiceCollection services)
    {
        services.AddSingleton<DisclosureLedger>();
        services.AddSingleton<DisclosureNoticeSignal>();
        services.AddSingleton<DisclosureNotices>();
        services.AddHostedService<DisclosureNoticeJob>();
        services.AddDisclosureCompliance();
        services.AddScoped<Log.DisclosureLogService>();
        return services;
    }
}
