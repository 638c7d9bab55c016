using Com1ControlPanel.Infrastructure.Jobs;
using Hangfire;

namespace Com1ControlPanel.Features.Policies;

public static class PoliciesFeature
{
    /// <summary>
    /// The privacy policy's versions (shipped files and published ones, in one table), publishing new ones with notice to
    /// every customer, and the notice customers close once a version is in force.
    /// </summary>
    public static IServiceCollection AddPolicies(this IServiceCollection services)
    {
        services.AddOptions<PolicyOptions>().BindConfiguration(PolicyOptions.Section)
            .Validate(o => o.NoticeDays >= 0, "Policies:NoticeDays cannot be negative.");
        services.AddSingleton<PolicyStore>();
        services.AddSingleton(sp => new PolicyNoticeSignal(sp.GetService<IBackgroundJobClient>(), sp.GetService<TimeProvider>()));
        services.AddSingleton<PolicyNotices>();
        services.AddRecurringJob<PolicyNotices>("policy-notices", n => n.RunAsync(CancellationToken.None), Cron.Minutely(),
            runAtStart: true);
        services.AddScoped<PolicyPublishing>();
        services.AddScoped<PolicyAcknowledgements>();
        return services;
    }

    public static IEndpointRouteBuilder MapPolicies(this IEndpointRouteBuilder endpoints) => endpoints.MapPolicyNotice();
}
