using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Com1ControlPanel.Data;

/// <summary>
/// Writes thousands of rows in the caller's transaction with a few prepared statements that each insert
/// <see cref="RowsPerStatement"/> rows. SaveChanges tracks every row and sends SQLite one command per row, which made a
/// business transfer for 100,000 customers take over 15 seconds. Tables, columns and value conversions come from the EF
/// model and its type mappings, so the rows are exactly what SaveChanges would store; the SQL (multi-row VALUES and
/// ON CONFLICT … DO UPDATE) is understood by SQLite and PostgreSQL alike (Npgsql prepares it on the server; the group
/// writer's chains verify there too, see DisclosureWriterOnPostgreSqlTests). Keys the database assigns are not read back.
/// Used where one unit of work writes a row per customer: disclosure entries and chain heads, and the notices, emails and
/// notifications that tell customers of them.
/// </summary>
internal static class PreparedSave
{
    /// <summary>
    /// Rows per INSERT. On SQLite 1 to 10 cost about the same and binding hundreds of parameters costs far more
    /// (100 rows took twice the CPU); a few rows per statement save round trips on a networked database.
    /// </summary>
    public const int RowsPerStatement = 10;

    /// <summary>Inserts <paramref name="rows"/> as new rows of <typeparamref name="T"/>'s table.</summary>
    public static Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class =>
        WriteAsync(db, rows, upsert: false, cancellationToken);

    /// <summary>Inserts <paramref name="rows"/>; where a row with the same key exists, sets its other columns instead.</summary>
    public static Task UpsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class =>
        WriteAsync(db, rows, upsert: true, cancellationToken);

    private static async Task WriteAsync<T>(DbContext db, IReadOnlyList<T> rows, bool upsert, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        // All or nothing is the caller's unit of work: several tables commit together or not at all.
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Begin a transaction before writing rows this way.");
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties().Where(p => !AssignedByDatabase(p)).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();

        var values = columns.Select(c => new ColumnValue(c.GetGetter(), Mapping(c).Converter)).ToArray();

        DbCommand Prepare(int count) => Command(connection, transaction, sql, columns, count, Text(sql, type, table, columns, count, upsert));
        var perStatement = Math.Min(RowsPerStatement, rows.Count);
        await using var full = Prepare(perStatement);
        foreach (var chunk in rows.Chunk(perStatement))
        {
            if (chunk.Length == perStatement)
            {
                await ExecuteAsync(full, values, chunk, cancellationToken);
                continue;
            }
            await using var rest = Prepare(chunk.Length);
            await ExecuteAsync(rest, values, chunk, cancellationToken);
        }
    }

    // An integer key the database numbers (an identity column) is left out, as SaveChanges leaves it out.
    private static bool AssignedByDatabase(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd
        && (property.ClrType == typeof(long) || property.ClrType == typeof(int));

    private static string Text(ISqlGenerationHelper sql, IEntityType type, StoreObjectIdentifier table, IReadOnlyList<IProperty> columns,
        int rows, bool upsert)
    {
        string Column(IProperty property) => sql.DelimitIdentifier(property.GetColumnName(table)!);
        var values = Enumerable.Range(0, rows).Select(row =>
            "(" + string.Join(", ", columns.Select((_, i) => sql.GenerateParameterNamePlaceholder(Name(row * columns.Count + i)))) + ")");
        var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(Column))}) "
            + $"VALUES {string.Join(", ", values)}";
        if (!upsert)
        {
            return text;
        }
        var key = type.FindPrimaryKey()!.Properties;
        var others = columns.Where(c => !key.Contains(c)).Select(c => $"{Column(c)} = excluded.{Column(c)}");
        return $"{text} ON CONFLICT ({string.Join(", ", key.Select(Column))}) DO UPDATE SET {string.Join(", ", others)}";
    }

    private static DbCommand Command(DbConnection connection, IDbContextTransaction transaction, ISqlGenerationHelper sql,
        IReadOnlyList<IProperty> columns, int rows, string text)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = text;
        for (var i = 0; i < columns.Count * rows; i++)
        {
            var column = columns[i % columns.Count];
            command.Parameters.Add(Mapping(column).CreateParameter(command, sql.GenerateParameterName(Name(i)), null, column.IsNullable));
        }
        command.Prepare();
        return command;
    }

    private static async Task ExecuteAsync<T>(DbCommand command, ColumnValue[] columns, IReadOnlyList<T> rows,
        CancellationToken cancellationToken) where T : class
    {
        var index = 0;
        foreach (var row in rows)
        {
            foreach (var column in columns)
            {
                command.Parameters[index++].Value = column.Of(row);
            }
        }
        if (await command.ExecuteNonQueryAsync(cancellationToken) != rows.Count)
        {
            throw new DbUpdateException($"Not every row of {typeof(T).Name} was written.");
        }
    }

    private static RelationalTypeMapping Mapping(IProperty column) => (RelationalTypeMapping)column.GetRelationalTypeMapping();

    private static string Name(int index) => $"p{index}";

    /// <summary>Reads a column's value from a row and converts it as the column is stored (enum names, UTC times).</summary>
    private sealed record ColumnValue(IClrPropertyGetter Getter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter)
    {
        public object Of(object row)
        {
            var value = Getter.GetClrValueUsingContainingEntity(row);
            return (value is null || Converter is null ? value : Converter.ConvertToProvider(value)) ?? DBNull.Value;
        }
    }
}
