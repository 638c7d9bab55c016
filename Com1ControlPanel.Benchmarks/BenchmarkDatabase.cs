using Com1ControlPanel.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Benchmarks;

/// <summary>A fresh, migrated SQLite file with the app's schema and connection settings, deleted when disposed unless kept.</summary>
internal sealed class BenchmarkDatabase : IDbContextFactory<AppDbContext>, IDisposable
{
    private readonly DbContextOptions<AppDbContext> options;
    private readonly bool keep;

    /// <param name="keep">Leave the file when disposed.</param>
    /// <param name="path">The file to use (migrated when new or behind); a new one in the temporary folder when null.</param>
    public BenchmarkDatabase(bool keep = false, string? path = null)
    {
        this.keep = keep;
        Path = path ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"com1-benchmark-{Guid.NewGuid():N}.db");
        ConnectionString = $"Data Source={Path}";
        // Identity shapes its tables from IdentityOptions (passkeys need schema version 3), as the app configures them.
        var identity = new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .BuildServiceProvider();
        options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(ConnectionString)
            .UseApplicationServiceProvider(identity)
            .AddInterceptors(new SqliteTuning()) // as the app configures its connections
            .Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public AppDbContext CreateDbContext() => new(options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (keep)
        {
            return;
        }
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
