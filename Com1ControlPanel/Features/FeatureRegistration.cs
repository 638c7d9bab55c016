using Com1ControlPanel.Components;
using Com1ControlPanel.Features.Announcements;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Dashboard;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Log;
using Com1ControlPanel.Features.Messages;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Features.Profile;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.UsageStatistics;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Com1ControlPanel.Features;

public static class FeatureRegistration
{
    /// <summary>The services of every feature; each is the only place with its feature's queries and rules.</summary>
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CurrentUser>();
        services.AddScoped<CustomerRegistration>();
        // Staff find customers with it: compliance to record disclosures, support to start sessions.
        services.AddScoped<CustomerSearch>();
        services.AddSingleton<StaffSearchLimit>();
        services.AddScoped<Notifications.NotificationService>();
        services.AddScoped<Accounts.PersonalDataExport>();
        services.AddScoped<ProfileService>();
        services.AddScoped<EmailChangeService>();
        services.AddScoped<DashboardService>();
        services.AddScoped<MessagesService>();
        services.AddPreferences();
        services.AddSingleton<UsageCounter>();
        services.AddHostedService<UsageCounterFlusher>();
        services.AddAnnouncements();
        services.AddDisclosures();
        services.AddSupport();
        return services;
    }

    /// <summary>HTTP endpoints that are not pages.</summary>
    public static WebApplication MapFeatureEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        app.MapThemeEndpoint();
        app.MapAnnouncements();
        app.MapPreferences();
        app.MapUnsubscribe();
        app.MapDisclosureLog();
        app.MapSupportSessions();
        return app;
    }
}
