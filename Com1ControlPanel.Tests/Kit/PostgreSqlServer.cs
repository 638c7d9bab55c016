using System.Diagnostics;
using Npgsql;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// A throwaway PostgreSQL server, started once per test run on first use: initdb into a temporary folder, pg_ctl on a free
/// port of 127.0.0.1 (as the postgres user when the tests run as root, since the server refuses root), no durability (a
/// test database lives minutes). It stops when the test process exits; a watchdog stops it too when the process is killed.
/// </summary>
public sealed class PostgreSqlServer
{
    private static readonly Lazy<PostgreSqlServer> Started = new(() => new PostgreSqlServer());

    private readonly string folder = TempFolder.New($"postgres-{Guid.NewGuid():N}");
    private readonly string bin = Binaries();
    private readonly int port = LocalPorts.Free();

    private PostgreSqlServer()
    {
        var data = Path.Combine(folder, "data");
        if (Environment.IsPrivilegedProcess)
        {
            Run("chown", "postgres", folder);
        }
        AsServerUser(Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync");
        // No unix socket (its folder would need to be the server user's): tests connect over TCP to 127.0.0.1 only.
        var settings = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 "
            + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        AsServerUser(Path.Combine(bin, "pg_ctl"), "-D", data, "-o", settings, "-l", Path.Combine(folder, "server.log"), "-w", "start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(data);
        Watch(data);
    }

    /// <summary>The server, started on first use.</summary>
    public static PostgreSqlServer Instance => Started.Value;

    /// <summary>A connection string for <paramref name="database"/>, as the postgres superuser.</summary>
    public string ConnectionString(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = "postgres", Database = database, Pooling = pooling,
            // A test database is dropped when its test ends: idle connections should not outlive it by long.
            ConnectionIdleLifetime = 2, ConnectionPruningInterval = 1,
        }.ConnectionString;

    /// <summary>Runs <paramref name="sql"/> in the maintenance database (CREATE and DROP DATABASE cannot run in a transaction).</summary>
    public void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres", pooling: false));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private void Stop(string data)
    {
        try
        {
            AsServerUser(Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "immediate", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped (by the watchdog, or never fully started): nothing left to stop.
        }
        TempFolder.Delete(folder);
    }

    // A shell that outlives a killed test process, notices it is gone, and stops the server (its output goes nowhere, so the
    // test runner never waits for it).
    private void Watch(string data)
    {
        var stop = string.Join(' ', ServerUserPrefix().Append(Path.Combine(bin, "pg_ctl")).Select(Quote))
            + $" -D {Quote(data)} -m immediate stop; rm -rf {Quote(folder)}";
        var script = $"(while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 2; done; {stop}) </dev/null >/dev/null 2>&1 &";
        Run("/bin/sh", "-c", script);
    }

    private void AsServerUser(string program, params string[] arguments)
    {
        var prefix = ServerUserPrefix().ToArray();
        if (prefix.Length == 0)
        {
            Run(program, arguments);
            return;
        }
        Run(prefix[0], [.. prefix[1..], program, .. arguments]);
    }

    private static IEnumerable<string> ServerUserPrefix() =>
        Environment.IsPrivilegedProcess ? ["runuser", "-u", "postgres", "--"] : [];

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {errors.Result}{output.Result}");
        }
    }

    /// <summary>The newest /usr/lib/postgresql/N/bin (Debian's layout), else the folder of initdb on PATH.</summary>
    private static string Binaries()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
                .Where(d => File.Exists(Path.Combine(d.Bin, "initdb")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Bin)
                .FirstOrDefault()
            : null;
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
        return debian ?? onPath
            ?? throw new InvalidOperationException("PostgreSQL's initdb was found neither in /usr/lib/postgresql/*/bin nor on PATH: ./test.sh installs it.");
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";
}
