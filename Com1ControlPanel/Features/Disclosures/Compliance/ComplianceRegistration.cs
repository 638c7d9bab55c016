namespace Com1ControlPanel.Features.Disclosures.Compliance;

public static class ComplianceRegistration
{
    /// <summary>Recording disclosures: the compliance service, and the background writer of group disclosures.</summary>
    public static IServiceCollection AddDisclosureCompliance(this IServiceCollection services)
    {
        services.AddSingleton<DisclosureWriteQueue>();
        services.AddSingleton<DisclosureWriteProgress>();
        services.AddSingleton<DisclosureWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<DisclosureWriter>());
        services.AddScoped<DisclosureRecorder>();
        return services;
    }
}
