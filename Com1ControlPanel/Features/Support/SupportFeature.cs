using Com1ControlPanel.Features.Support.Access;
using Com1ControlPanel.Features.Support.Admin;
using Com1ControlPanel.Features.Support.Console;
using Com1ControlPanel.Features.Support.Help;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Jobs;
using Hangfire;

namespace Com1ControlPanel.Features.Support;

public static class SupportFeature
{
    /// <summary>
    /// Support sessions: starting, ending, refusing and recording them, the agent console, the customer's "Who accessed my
    /// account" page, the customer's help requests ("Get help") and the admin view. Infrastructure asks about sessions through the small interfaces this answers.
    /// </summary>
    public static IServiceCollection AddSupport(this IServiceCollection services)
    {
        services.AddOptions<SupportOptions>().BindConfiguration(SupportOptions.Section);
        services.AddScoped<SupportSessions>();
        services.AddScoped<AccessRequestWithdrawal>();
        services.AddSingleton<SupportAttempts>();
        services.AddSingleton<ISupportAttempts>(sp => sp.GetRequiredService<SupportAttempts>());
        services.AddSingleton<SupportSessionEnding>();
        services.AddSingleton<ExpiredSessionClosing>();
        services.AddSingleton<SupportSessionEvents>();
        services.AddSingleton<SupportSessionCheck>();
        services.AddSingleton<ISupportSessionCheck>(sp => sp.GetRequiredService<SupportSessionCheck>());
        services.AddScoped<SupportHandBack>();
        services.AddScoped<ISupportSessionSignOut, SupportSessionSignOut>();
        services.AddScoped<SupportConsole>();
        services.AddScoped<EndedSessions>();
        services.AddScoped<CurrentSupportSession>();
        services.AddScoped<ActiveSupportSessions>();
        services.AddScoped<SupportSessionHistory>();
        services.AddScoped<RefusedSupportAttempts>();
        services.AddScoped<AccessHistoryService>();
        services.AddScoped<AccessApprovalService>();
        services.AddScoped<HelpRequests>();
        services.AddSingleton<Accounts.Closing.IClosedAccountAnonymising, HelpRequestRetention>();
        services.AddScoped<OpenHelpRequests>();
        services.AddSingleton<HelpRequestQuietClosing>();
        services.AddRecurringJob<HelpRequestQuietClosing>("help-request-quiet-closing", c => c.RunAsync(CancellationToken.None),
            Cron.Daily(), runAtStart: true);
        services.AddRecurringJob<ExpiredSessionClosing>("expired-support-sessions", c => c.RunAsync(CancellationToken.None),
            Cron.Minutely(), runAtStart: true);
        return services;
    }

    /// <summary>Starting and ending a session: form posts, because only an HTTP response can change the cookie.</summary>
    public static IEndpointRouteBuilder MapSupport(this IEndpointRouteBuilder endpoints) => endpoints.MapSupportSessions();
}
