using Com1ControlPanel.Features.Accounts;
using Com1ControlPanel.Features.Announcements;
using Com1ControlPanel.Features.Billing;
using Com1ControlPanel.Features.BillingDesk;
using Com1ControlPanel.Features.Cookies;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Dashboard;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Features.Hostmaster;
using Com1ControlPanel.Features.Messages;
using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Features.PersonalData;
using Com1ControlPanel.Features.Policies;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Features.Profile;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.UsageStatistics;

namespace Com1ControlPanel.Features;

/// <summary>
/// Every feature of the panel, each named once, in one list. A feature's folder has one entry file,
/// <c>&lt;Feature&gt;Feature.cs</c>, with its <c>Add&lt;Feature&gt;</c> and, when it has endpoints that are not pages,
/// its <c>Map&lt;Feature&gt;</c>. A new feature adds one line here.
/// </summary>
public static class PanelFeatures
{
    private sealed record Feature(
        Action<IServiceCollection, IConfiguration, IHostEnvironment> Add, Action<IEndpointRouteBuilder>? Map = null);

    private static readonly Feature[] All =
    [
        new((s, c, e) => s.AddAccounts(c, e), e => e.MapAccounts()),
        new((s, _, _) => s.AddCustomers()),
        new((s, _, _) => s.AddProfile()),
        new((s, c, e) => s.AddBilling(c, e), e => e.MapBilling()),
        new((s, _, _) => s.AddDashboard()),
        new((s, _, _) => s.AddMessages()),
        new((s, _, _) => s.AddNotifications()),
        new((s, _, _) => s.AddPolicies(), e => e.MapPolicies()),
        new((s, _, _) => s.AddPreferences(), e => e.MapPreferences()),
        new((s, _, _) => s.AddCookies(), e => e.MapCookies()),
        new((s, _, _) => s.AddUsageStatistics()),
        new((s, _, _) => s.AddAnnouncements(), e => e.MapAnnouncements()),
        new((s, _, _) => s.AddDisclosures(), e => e.MapDisclosures()),
        new((s, _, _) => s.AddSupport(), e => e.MapSupport()),
        new((s, _, _) => s.AddBillingDesk(), e => e.MapBillingDesk()),
        new((s, _, _) => s.AddDomains(), e => e.MapDomains()),
        new((s, _, _) => s.AddHostmaster()),
        new((s, _, _) => s.AddPersonalData(), e => e.MapPersonalData()),
    ];

    public static IServiceCollection AddPanelFeatures(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        foreach (var feature in All)
        {
            feature.Add(services, configuration, environment);
        }
        return services;
    }

    public static IEndpointRouteBuilder MapPanelFeatures(this IEndpointRouteBuilder endpoints)
    {
        foreach (var feature in All)
        {
            feature.Map?.Invoke(endpoints);
        }
        return endpoints;
    }
}
