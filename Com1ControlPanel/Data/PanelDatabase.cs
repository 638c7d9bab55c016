using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Data;

public static class PanelDatabase
{
    /// <summary>
    /// The database: SQLite at App_Data/com1.db unless ConnectionStrings:Default says otherwise, or PostgreSQL when
    /// Database:Provider says so (its connection string is then required). Each provider sees only its own migrations
    /// (<see cref="ProviderMigrations"/>). Services create a short-lived context per operation from the factory; Identity
    /// gets a scoped one.
    /// </summary>
    public static IServiceCollection AddPanelDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = Provider(configuration);
        var configured = configuration.GetConnectionString("Default");
        if (provider == DatabaseProvider.PostgreSQL)
        {
            var connectionString = string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException("Database:Provider is PostgreSQL: set ConnectionStrings:Default to the PostgreSQL database.")
                : configured;
            services.AddDbContextFactory<AppDbContext>(options => options.UseNpgsql(connectionString));
        }
        else
        {
            var connectionString = SqliteConnectionString(configured ?? "Data Source=App_Data/com1.db", environment.ContentRootPath);
            services.AddDbContextFactory<AppDbContext>(options => options.UseSqlite(connectionString).AddInterceptors(new SqliteTuning()));
        }
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return services;
    }

    /// <summary>Database:Provider, Sqlite when unset; any other value stops the start with the values it may take.</summary>
    internal static DatabaseProvider Provider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider is '{value}': use Sqlite or PostgreSQL.");
    }

    /// <summary>GET /health: 200 while the database is reachable, 503 when it is not.</summary>
    public static IEndpointRouteBuilder MapPanelHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return endpoints;
    }

    /// <summary>A relative SQLite file is placed under the content root, and its folder created.</summary>
    internal static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(file) ? file : Path.Combine(contentRoot, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        return builder.ToString();
    }
}
