using Com1ControlPanel.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Support;

/// <summary>A migrated SQLite file of its own, for service and component tests that need no web host.</summary>
public sealed class TestDatabase : IDbContextFactory<AppDbContext>, IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "com1-tests", $"{Guid.NewGuid():N}.db");
    private readonly DbContextOptions<AppDbContext> options;

    public TestDatabase()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Identity shapes its tables from IdentityOptions (passkeys need schema version 3), as the app configures them.
        var identity = new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .BuildServiceProvider();
        options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite($"Data Source={path};Pooling=false")
            .UseApplicationServiceProvider(identity)
            .Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    public AppDbContext CreateDbContext() => new(options);

    public void Dispose() => File.Delete(path);
}
