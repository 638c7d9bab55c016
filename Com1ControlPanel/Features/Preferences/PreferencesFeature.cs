using Com1ControlPanel.Infrastructure.Email;

namespace Com1ControlPanel.Features.Preferences;

public static class PreferencesFeature
{
    /// <summary>Consent, its defaults and records, marketing audiences, unsubscribing, and the suppression the outbox obeys.</summary>
    public static IServiceCollection AddPreferences(this IServiceCollection services)
    {
        services.AddOptions<PreferencesOptions>().BindConfiguration(PreferencesOptions.Section);
        services.AddSingleton<ConsentDefaults>();
        services.AddSingleton<ConsentChanges>();
        services.AddSingleton<ConsentLedger>();
        services.AddSingleton<MarketingAudience>();
        services.AddSingleton<UnsubscribeLinks>();
        services.AddSingleton<IMarketingSuppression, MarketingSuppression>();
        services.AddScoped<ConsentService>();
        services.AddScoped<ConsentBackfill>();
        services.AddScoped<UnsubscribeService>();
        services.AddScoped<PrivacySignal>();
        return services;
    }

    /// <summary>The consent receipt, one-click unsubscribe and the Global Privacy Control statement.</summary>
    public static IEndpointRouteBuilder MapPreferences(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapConsentReceipt();
        endpoints.MapUnsubscribe();
        endpoints.MapPrivacySignal();
        return endpoints;
    }
}
