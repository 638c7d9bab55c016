using Com1ControlPanel.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Infrastructure.Email;

public static class PanelEmail
{
    /// <summary>The outbox, its background dispatcher, and SMTP or .eml-file delivery depending on configuration.</summary>
    public static IServiceCollection AddPanelEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<IEmailSender<ApplicationUser>, IdentityEmailSender>();
        services.AddSingleton<IMailDelivery>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<MailOptions>>().Value.Smtp.Host)
                ? ActivatorUtilities.CreateInstance<PickupDirectoryMailDelivery>(sp)
                : ActivatorUtilities.CreateInstance<SmtpMailDelivery>(sp));
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService<MailDeliveryWarning>();
        return services;
    }
}
