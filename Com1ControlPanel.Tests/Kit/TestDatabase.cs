using Com1ControlPanel.Data;
using Microsoft.AspNetCore.Identity;
using System.Data.Common;
using Npgsql;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// A migrated database of its own, for the app's services without a web host (<see cref="PanelServices"/>) or for a web
/// host (<see cref="PanelApp"/>): a SQLite file, or a database on the test run's PostgreSQL server
/// (<see cref="PostgreSqlServer"/>), as <see cref="TestProvider.Current"/> says unless the test names one. Migrations run
/// once per test run and provider, into a template that every test database starts as a copy of (a file copy on SQLite,
/// CREATE DATABASE … TEMPLATE on PostgreSQL).
/// </summary>
public sealed class TestDatabase : IDbContextFactory<AppDbContext>, IDisposable
{
    private const string PostgreSqlTemplate = "com1_template";

    // SQLITE_CONSTRAINT: what a trigger's RAISE(ABORT) and a broken constraint report.
    private const int SqliteConstraint = 19;

    private static readonly Lazy<string> SqliteTemplate = new(() =>
    {
        var path = System.IO.Path.Combine(TempFolder.New(), "template.db");
        using var db = new AppDbContext(Options(DatabaseProvider.Sqlite, SqliteConnectionString(path)));
        db.Database.Migrate();
        return path;
    });

    private static readonly Lazy<PostgreSqlServer> MigratedServer = new(() =>
    {
        var server = PostgreSqlServer.Instance;
        // Unpooled, so no connection to the template is left open: CREATE DATABASE … TEMPLATE needs it unused.
        using var db = new AppDbContext(Options(DatabaseProvider.PostgreSQL, server.ConnectionString(PostgreSqlTemplate, pooling: false)));
        db.Database.Migrate();
        return server;
    });

    private readonly DbContextOptions<AppDbContext> options;
    private readonly string? postgreSqlDatabase;

    /// <param name="path">Where the SQLite file goes; on PostgreSQL, nothing is written there.</param>
    /// <param name="provider">The provider, <see cref="TestProvider.Current"/> unless given.</param>
    public TestDatabase(string path, DatabaseProvider? provider = null)
    {
        Provider = provider ?? TestProvider.Current;
        Path = path;
        if (Provider == DatabaseProvider.PostgreSQL)
        {
            var server = MigratedServer.Value;
            postgreSqlDatabase = $"com1_{Guid.NewGuid():N}";
            server.Execute($"CREATE DATABASE {postgreSqlDatabase} TEMPLATE {PostgreSqlTemplate}");
            ConnectionString = server.ConnectionString(postgreSqlDatabase);
        }
        else
        {
            File.Copy(SqliteTemplate.Value, path);
            ConnectionString = SqliteConnectionString(path);
        }
        options = Options(Provider, ConnectionString);
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file (on PostgreSQL, only where it would have been).</summary>
    public string Path { get; }

    /// <summary>How the app reaches this database: ConnectionStrings:Default, with Database:Provider = <see cref="Provider"/>.</summary>
    public string ConnectionString { get; }

    public AppDbContext CreateDbContext() => new(options);

    /// <summary>Runs SQL as someone with access to the database would, bypassing the app.</summary>
    public async Task TamperAsync(FormattableString sql)
    {
        await using var db = CreateDbContext();
        await db.Database.ExecuteSqlAsync(sql);
    }

    /// <summary>
    /// Asserts the database itself refuses <paramref name="change"/> (a trigger or constraint), as this provider reports
    /// it: exactly a SqliteException on SQLite, a PostgresException on PostgreSQL, and an integrity violation (SQLite's
    /// SQLITE_CONSTRAINT, PostgreSQL's class 23), so a statement the database could not even run does not count as refused.
    /// </summary>
    public Task<DbException> RefusesAsync(Func<Task> change) => RefusesAsync(Provider, change);

    /// <summary>As <see cref="RefusesAsync(Func{Task})"/>, for a database on <paramref name="provider"/> (an app's, say).</summary>
    public static async Task<DbException> RefusesAsync(DatabaseProvider provider, Func<Task> change)
    {
        var refusal = await Assert.ThrowsAnyAsync<DbException>(change);
        if (provider == DatabaseProvider.PostgreSQL)
        {
            Assert.StartsWith("23", Assert.IsType<PostgresException>(refusal).SqlState);
        }
        else
        {
            Assert.Equal(SqliteConstraint, Assert.IsType<Microsoft.Data.Sqlite.SqliteException>(refusal).SqliteErrorCode);
        }
        return refusal;
    }

    /// <summary>
    /// Drops the trigger <paramref name="rule"/> of <paramref name="table"/>, as someone with access to the database could,
    /// to tamper with what the rule guards and show the app notices anyway.
    /// </summary>
    public async Task DropRuleAsync(string rule, string table)
    {
        await using var db = CreateDbContext();
        await db.Database.DropRuleAsync(rule, table);
    }

    /// <summary>The text of <paramref name="sqlite"/> or <paramref name="postgreSql"/>, for SQL that differs between them (a function, say).</summary>
    public string Sql(string sqlite, string postgreSql) => Provider == DatabaseProvider.PostgreSQL ? postgreSql : sqlite;

    /// <summary>
    /// As <see cref="RefusesAsync(Func{Task})"/>, for a change inside <paramref name="db"/>'s open transaction, which goes on
    /// afterwards: SQLite undoes only the refused statement, PostgreSQL would abort the whole transaction, so the change runs
    /// in a savepoint that is rolled back.
    /// </summary>
    public async Task<DbException> RefusesAsync(AppDbContext db, Func<Task> change)
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Begin a transaction first.");
        await transaction.CreateSavepointAsync("refusal");
        var refusal = await RefusesAsync(change);
        await transaction.RollbackToSavepointAsync("refusal");
        return refusal;
    }

    /// <summary>A PostgreSQL test database is dropped, its connections closed first; a SQLite file goes with its folder.</summary>
    public void Dispose()
    {
        if (postgreSqlDatabase is null)
        {
            return;
        }
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        PostgreSqlServer.Instance.Execute($"DROP DATABASE IF EXISTS {postgreSqlDatabase} WITH (FORCE)");
    }

    private static string SqliteConnectionString(string path) => $"Data Source={path};Pooling=false";

    // Identity shapes its tables from IdentityOptions (passkeys need schema version 3), as the app configures them.
    private static readonly IServiceProvider Identity = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();

    private static DbContextOptions<AppDbContext> Options(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>().UseApplicationServiceProvider(Identity);
        return (provider == DatabaseProvider.PostgreSQL ? builder.UseNpgsql(connectionString) : builder.UseSqlite(connectionString)).Options;
    }
}
