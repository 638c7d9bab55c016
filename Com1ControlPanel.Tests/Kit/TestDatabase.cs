using Com1ControlPanel.Data;
using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// A migrated SQLite file of its own, for the app's services without a web host (<see cref="PanelServices"/>). Migrations
/// run once per test run, into a template that every test database starts as a copy of.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<AppDbContext>
{
    private static readonly Lazy<string> Template = new(() =>
    {
        var path = System.IO.Path.Combine(TempFolder.New(), "template.db");
        using var db = new AppDbContext(Options(path));
        db.Database.Migrate();
        return path;
    });

    private readonly DbContextOptions<AppDbContext> options;

    public TestDatabase(string path)
    {
        File.Copy(Template.Value, path);
        Path = path;
        options = Options(path);
    }

    public string Path { get; }

    public AppDbContext CreateDbContext() => new(options);

    /// <summary>Runs SQL as someone with access to the database file would, bypassing the app.</summary>
    public async Task TamperAsync(FormattableString sql)
    {
        await using var db = CreateDbContext();
        await db.Database.ExecuteSqlAsync(sql);
    }

    // Identity shapes its tables from IdentityOptions (passkeys need schema version 3), as the app configures them.
    private static readonly IServiceProvider Identity = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();

    private static DbContextOptions<AppDbContext> Options(string path) =>
        new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite($"Data Source={path};Pooling=false")
            .UseApplicationServiceProvider(Identity)
            .Options;
}
