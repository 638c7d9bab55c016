using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Disclosures.Compliance;
using Com1ControlPanel.Features.Notifications;

namespace Com1ControlPanel.Features.Disclosures;

public static class DisclosuresRegistration
{
    public static IServiceCollection AddDisclosures(this IServiceCollection services)
    {
        services.AddSingleton<DisclosureLedger>();
        services.AddSingleton<DisclosureNoticeSignal>();
        services.AddSingleton<DisclosureNotices>();
        services.AddHostedService<DisclosureNoticeJob>();
        services.AddScoped<NotificationService>();
        services.AddDisclosureCompliance();
        // Finding a customer to record a disclosure for; the support console will use it too.
        services.AddScoped<CustomerSearch>();
        services.AddScoped<Log.DisclosureLogService>();
        return services;
    }
}
