using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Infrastructure.Email;

public static class PanelEmail
{
    /// <summary>The outbox, its delivery as jobs, and SMTP or .eml-file delivery depending on configuration.</summary>
    public static IServiceCollection AddPanelEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton(sp => new OutboxSignal(sp.GetService<IBackgroundJobClient>(), sp.GetService<TimeProvider>()));
        services.AddSingleton<Outbox>();
        services.AddSingleton<IEmailSender<ApplicationUser>, IdentityEmailSender>();
        services.AddSingleton<IMailDelivery>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<MailOptions>>().Value.Smtp.Host)
                ? ActivatorUtilities.CreateInstance<PickupDirectoryMailDelivery>(sp)
                : ActivatorUtilities.CreateInstance<SmtpMailDelivery>(sp));
        services.AddSingleton<OutboxDispatcher>();
        services.AddRecurringJob<OutboxDispatcher>(OutboxDispatcher.RecurringJobId, d => d.RunAsync(CancellationToken.None),
            Cron.Minutely(), runAtStart: true);
        services.AddHostedService<MailDeliveryWarning>();
        return services;
    }
}
