using Com1ControlPanel.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Com1ControlPanel.Tests.Data;

/// <summary>
/// Each provider has migrations of its own in one assembly: SQLite keeps its history as it was (so existing databases
/// keep working), and PostgreSQL builds the same schema, with the rules of the permanent tables, in an empty database.
/// </summary>
public sealed class ProviderMigrationsTests : IDisposable
{
    private readonly string folder = TempFolder.New();

    [Fact]
    public void Sqlite_sees_its_own_migrations_only_and_its_history_is_unchanged()
    {
        using var database = new TestDatabase(Path.Combine(folder, "com1.db"), DatabaseProvider.Sqlite);
        using var db = database.CreateDbContext();

        var migrations = db.Database.GetMigrations().ToList();

        Assert.Equal("20261128121900_InitialSchema", migrations[0]);
        Assert.All(db.GetService<IMigrationsAssembly>().Migrations.Values,
            m => Assert.Equal(ProviderMigrations.SqliteNamespace, m.Namespace));
        Assert.Equal(migrations, db.Database.GetAppliedMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    [Trait("Category", "PostgreSQL")]
    public async Task PostgreSql_migrations_build_an_empty_database_with_nothing_left_pending()
    {
        var server = PostgreSqlServer.Instance;
        var name = $"com1_empty_{Guid.NewGuid():N}";
        server.Execute($"CREATE DATABASE {name}");
        try
        {
            await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
                .UseNpgsql(server.ConnectionString(name, pooling: false))
                .UseApplicationServiceProvider(new ServiceCollection()
                    .Configure<Microsoft.AspNetCore.Identity.IdentityOptions>(o =>
                        o.Stores.SchemaVersion = Microsoft.AspNetCore.Identity.IdentitySchemaVersions.Version3)
                    .BuildServiceProvider())
                .Options);

            await db.Database.MigrateAsync();

            Assert.All(db.GetService<IMigrationsAssembly>().Migrations.Values,
                m => Assert.Equal(ProviderMigrations.PostgreSqlNamespace, m.Namespace));
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges());
            // Every rule of the permanent tables that SQLite has, PostgreSQL has under the same name.
            var triggers = await db.Database.SqlQueryRaw<string>(
                "SELECT tgname::text AS \"Value\" FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1").ToListAsync();
            Assert.Equal(SqliteTriggers(), triggers);
        }
        finally
        {
            server.Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private List<string> SqliteTriggers()
    {
        using var database = new TestDatabase(Path.Combine(folder, "sqlite.db"), DatabaseProvider.Sqlite);
        using var db = database.CreateDbContext();
        return db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'trigger' ORDER BY 1").ToList()
            .Order(StringComparer.Ordinal).ToList();
    }

    public void Dispose() => TempFolder.Delete(folder);
}
