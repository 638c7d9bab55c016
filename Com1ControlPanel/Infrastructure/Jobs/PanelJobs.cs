using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Security;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;

namespace Com1ControlPanel.Infrastructure.Jobs;

/// <summary>
/// Work that outlives a request runs as jobs of Hangfire, whose storage every instance shares: on PostgreSQL its tables in
/// the panel's database (schema <c>hangfire</c>), on SQLite a file of its own beside the panel's (<c>com1-jobs.db</c> for
/// <c>com1.db</c>), so its polling never waits on the panel's writes. A job is picked up by whichever instance is free, and
/// a job whose instance died is taken up by another after <c>Jobs:ResumeAfter</c>. Features queue their jobs through
/// interfaces of their own (the service tests run them by hand) and declare recurring ones with
/// <see cref="RecurringJobs.AddRecurringJob{T}"/>.
/// </summary>
public static class PanelJobs
{
    /// <summary>Admins' view of the jobs: queued, running, retried and failed, behind the panel's own sign-in.</summary>
    public const string DashboardPath = "/admin/jobs";

    public static IServiceCollection AddPanelJobs(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        // Hangfire keeps its storage and activator in static fields too; registered here first, each instance of the app
        // (tests start many in one process) keeps its own. The storage is made when first needed: it connects at once.
        services.AddSingleton(_ => Storage(configuration, environment, options));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer(server =>
        {
            server.WorkerCount = options.Workers;
            server.SchedulePollingInterval = options.PollInterval;
            // Stopping cancels running jobs; they go back to the queue and resume where their last batch ended.
            server.ShutdownTimeout = TimeSpan.FromSeconds(10);
            server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
        });
        services.AddHostedService<RecurringJobScheduler>();
        return services;
    }

    /// <summary>The dashboard at <see cref="DashboardPath"/>, for Admins only: others are sent to sign in or refused.</summary>
    public static IEndpointRouteBuilder MapPanelJobs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHangfireDashboardWithNoAuthorizationFilters(DashboardPath, new DashboardOptions
        {
            AppPath = "/",
            DashboardTitle = "Com 1 jobs",
            DisplayStorageConnectionString = false,
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        return endpoints;
    }

    private static JobStorage Storage(IConfiguration configuration, IHostEnvironment environment, JobOptions options)
    {
        var configured = configuration.GetConnectionString("Default");
        if (PanelDatabase.Provider(configuration) == DatabaseProvider.PostgreSQL)
        {
            var postgreSql = new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                QueuePollInterval = options.PollInterval,
                InvisibilityTimeout = options.ResumeAfter ?? TimeSpan.FromMinutes(2),
                // A running job renews its claim, so only the jobs of a dead instance are taken up again.
                UseSlidingInvisibilityTimeout = true,
                PrepareSchemaIfNecessary = true,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(configured!, postgreSql), postgreSql);
        }
        var panel = new SqliteConnectionStringBuilder(
            PanelDatabase.SqliteConnectionString(configured ?? "Data Source=App_Data/com1.db", environment.ContentRootPath));
        return new SQLiteStorage(JobsFile(panel.DataSource), new SQLiteStorageOptions
        {
            QueuePollInterval = options.PollInterval,
            InvisibilityTimeout = options.ResumeAfter ?? TimeSpan.FromMinutes(30),
        });
    }

    /// <summary><c>com1-jobs.db</c> beside <c>com1.db</c>; a temporary file for an in-memory panel database.</summary>
    internal static string JobsFile(string panelDatabase) =>
        string.IsNullOrEmpty(panelDatabase) || panelDatabase == ":memory:"
            ? Path.Combine(Path.GetTempPath(), $"com1-jobs-{Guid.NewGuid():N}.db")
            : Path.Combine(Path.GetDirectoryName(panelDatabase)!, $"{Path.GetFileNameWithoutExtension(panelDatabase)}-jobs.db");
}

/// <summary>Settings of section <c>Jobs</c>.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// Jobs one instance runs at once. Long jobs (group disclosure writes, announcements, notices) hold a worker for
    /// minutes, and one waiting for its turn holds one too; workers are threads, cheap enough to keep some free for email
    /// delivery, which should not wait behind them.
    /// </summary>
    public int Workers { get; set; } = 4;

    /// <summary>How often an idle instance looks for new jobs: how long a queued job may wait before it starts.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a job claimed by an instance that stopped answering waits before another instance takes it up. On
    /// PostgreSQL a running job renews its claim, so 2 minutes unless set; SQLite's storage does not, so there it must
    /// exceed the longest job: 30 minutes unless set.
    /// </summary>
    public TimeSpan? ResumeAfter { get; set; }
}
