using Com1ControlPanel.Features.Accounts;
using Com1ControlPanel.Features.Announcements;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Dashboard;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Messages;
using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Features.Profile;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.UsageStatistics;

namespace Com1ControlPanel.Features;

/// <summary>
/// Every feature of the panel, each named once. A feature's folder has one entry file, <c>&lt;Feature&gt;Feature.cs</c>,
/// with its <c>Add&lt;Feature&gt;</c> and, when it has endpoints that are not pages, its <c>Map&lt;Feature&gt;</c>.
/// </summary>
public static class PanelFeatures
{
    public static IServiceCollection AddPanelFeatures(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddAccounts(configuration, environment);
        services.AddCustomers();
        services.AddProfile();
        services.AddDashboard();
        services.AddMessages();
        services.AddNotifications();
        services.AddPreferences();
        services.AddUsageStatistics();
        services.AddAnnouncements();
        services.AddDisclosures();
        services.AddSupport();
        return services;
    }

    public static IEndpointRouteBuilder MapPanelFeatures(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAccounts();
        endpoints.MapPreferences();
        endpoints.MapAnnouncements();
        endpoints.MapDisclosures();
        endpoints.MapSupport();
        return endpoints;
    }
}
