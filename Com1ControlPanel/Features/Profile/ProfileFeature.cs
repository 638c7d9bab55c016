namespace Com1ControlPanel.Features.Profile;

public static class ProfileFeature
{
    /// <summary>/profile: the customer's account data and the change of their sign-in email address.</summary>
    public static IServiceCollection AddProfile(this IServiceCollection services)
    {
        services.AddScoped<ProfileService>();
        services.AddScoped<EmailChangeService>();
        services.AddScoped<PendingEmailChanges>();
        return services;
    }
}
