using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Com1ControlPanel.Data;

/// <summary>
/// Lets SQLite read the database file through memory mapping (up to 256 MB) instead of copying every page through
/// its own cache with a system call: audience queries over 100,000 customers get markedly faster (see the README).
/// </summary>
public sealed class SqliteTuning : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA mmap_size = 268435456;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
