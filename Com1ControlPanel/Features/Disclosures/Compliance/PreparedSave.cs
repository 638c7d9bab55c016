using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Com1ControlPanel.Features.Disclosures.Compliance;

/// <summary>
/// Saves a unit of work of thousands of new rows as SaveChanges would, in one transaction, but with few prepared
/// statements that insert many rows each: EF sends SQLite one command per row, which made a business transfer for
/// 100,000 customers take half a minute. Tables, columns and value conversions come from the EF model and its type
/// mappings, so the rows are exactly what SaveChanges would store, and the SQL is plain enough for any relational provider.
/// Store-generated keys are not read back: the context must not be used after this.
/// </summary>
internal static class PreparedSave
{
    /// <summary>Rows per INSERT statement.</summary>
    internal static int RowsPerStatement = int.Parse(Environment.GetEnvironmentVariable("ROWS") ?? "10");

    public static async Task SaveAsync(DbContext db, CancellationToken cancellationToken)
    {
        // Only rows tracked before can have changed; new rows are inserted with their values as they are.
        foreach (var tracked in db.ChangeTracker.Entries().Where(e => e.State != EntityState.Added))
        {
            tracked.DetectChanges();
        }
        var groups = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .GroupBy(e => (e.Metadata, e.State))
            .ToList();
        // Kept simple on purpose: no optimistic concurrency, and the changed rows of a table all change the same columns.
        if (groups.Any(g => g.Key.State == EntityState.Modified
            && (g.Key.Metadata.GetProperties().Any(p => p.IsConcurrencyToken) || g.Any(e => !SameModifiedProperties(e, g.First())))))
        {
            throw new NotSupportedException("Only rows without concurrency tokens that change the same columns can be saved this way.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        foreach (var group in groups)
        {
            var rows = group.ToList();
            if (group.Key.State == EntityState.Added)
            {
                var columns = InsertedColumns(rows[0]);
                var perStatement = RowsPerStatement;
                await using var full = Command(connection, transaction, sql, columns, perStatement, Insert(sql, rows[0].Metadata, columns, perStatement));
                foreach (var chunk in rows.Chunk(perStatement))
                {
                    if (chunk.Length == perStatement)
                    {
                        await ExecuteAsync(full, columns, chunk, cancellationToken);
                        continue;
                    }
                    await using var rest = Command(connection, transaction, sql, columns, chunk.Length, Insert(sql, rows[0].Metadata, columns, chunk.Length));
                    await ExecuteAsync(rest, columns, chunk, cancellationToken);
                }
            }
            else
            {
                var (text, columns) = Update(sql, rows[0]);
                await using var command = Command(connection, transaction, sql, columns, 1, text);
                foreach (var row in rows)
                {
                    await ExecuteAsync(command, columns, [row], cancellationToken);
                }
            }
        }
        await transaction.CommitAsync(cancellationToken);
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

    private static async Task ExecuteAsync(DbCommand command, IReadOnlyList<IProperty> columns, IReadOnlyList<EntityEntry> rows,
        CancellationToken cancellationToken)
    {
        var index = 0;
        foreach (var row in rows)
        {
            foreach (var column in columns)
            {
                var value = row.CurrentValues[column];
                var converter = Mapping(column).Converter;
                command.Parameters[index++].Value = (value is null || converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
            }
        }
        if (await command.ExecuteNonQueryAsync(cancellationToken) != rows.Count)
        {
            throw new DbUpdateConcurrencyException("A row was not saved.");
        }
    }

    // A key the database generates (an identity column) holds a temporary value until saved: the database assigns it.
    private static IReadOnlyList<IProperty> InsertedColumns(EntityEntry first) =>
        [.. first.Metadata.GetProperties().Where(p => !first.Property(p.Name).IsTemporary)];

    private static string Insert(ISqlGenerationHelper sql, IEntityType type, IReadOnlyList<IProperty> columns, int rows)
    {
        var table = Table(type);
        var values = Enumerable.Range(0, rows).Select(row =>
            "(" + string.Join(", ", columns.Select((_, i) => sql.GenerateParameterNamePlaceholder(Name(row * columns.Count + i)))) + ")");
        return $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} "
            + $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES {string.Join(", ", values)}";
    }

    private static (string Text, IReadOnlyList<IProperty> Columns) Update(ISqlGenerationHelper sql, EntityEntry first)
    {
        var table = Table(first.Metadata);
        var changed = first.Metadata.GetProperties().Where(p => first.Property(p.Name).IsModified).ToList();
        var key = first.Metadata.FindPrimaryKey()!.Properties;
        string Assign(IProperty column, int index) =>
            $"{sql.DelimitIdentifier(column.GetColumnName(table)!)} = {sql.GenerateParameterNamePlaceholder(Name(index))}";
        var text = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {string.Join(", ", changed.Select(Assign))} "
            + $"WHERE {string.Join(" AND ", key.Select((c, i) => Assign(c, changed.Count + i)))}";
        return (text, [.. changed, .. key]);
    }

    private static StoreObjectIdentifier Table(IEntityType type) => StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());

    private static RelationalTypeMapping Mapping(IProperty column) => (RelationalTypeMapping)column.GetRelationalTypeMapping();

    private static bool SameModifiedProperties(EntityEntry entry, EntityEntry other) =>
        entry.Properties.Select(p => p.IsModified).SequenceEqual(other.Properties.Select(p => p.IsModified));

    private static string Name(int index) => $"p{index}";
}
