using Npgsql;

namespace Com1ControlPanel.Benchmarks;

/// <summary>
/// Where one start of the panel keeps its data: a new SQLite file (the default, in the process's own temporary folder), or
/// a new, empty database on a PostgreSQL server the operator names, created for the start and dropped after it, so each
/// cold start migrates and seeds from nothing as on SQLite.
/// </summary>
internal sealed class PanelDatabase : IDisposable
{
    private readonly string? server;
    private readonly string? name;

    private PanelDatabase(string? server, string? name, IReadOnlyDictionary<string, string> settings)
    {
        this.server = server;
        this.name = name;
        Settings = settings;
    }

    /// <summary>The panel's settings for this database; none for SQLite, whose file <see cref="PanelProcess"/> chooses.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>"SQLite", or "PostgreSQL" with the server's version, for the figures' heading.</summary>
    public static string Describe(string? postgres)
    {
        if (postgres is null)
        {
            return "SQLite";
        }
        using var connection = new NpgsqlConnection(postgres);
        connection.Open();
        return $"PostgreSQL {connection.PostgreSqlVersion}";
    }

    /// <summary>A new database: SQLite when <paramref name="postgres"/> is null, else one on that server.</summary>
    public static PanelDatabase Create(string? postgres)
    {
        if (postgres is null)
        {
            return new PanelDatabase(null, null, new Dictionary<string, string>());
        }
        var name = $"com1_bench_{Guid.NewGuid():N}";
        Execute(postgres, $"CREATE DATABASE \"{name}\"");
        var panel = new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ConnectionString;
        return new PanelDatabase(postgres, name, new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSQL",
            ["ConnectionStrings__Default"] = panel,
        });
    }

    public void Dispose()
    {
        if (server is not null)
        {
            NpgsqlConnection.ClearAllPools();
            Execute(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    // CREATE and DROP DATABASE cannot run in a transaction, nor in the database they name: the server's own connection.
    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
