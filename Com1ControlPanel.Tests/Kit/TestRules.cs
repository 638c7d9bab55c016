using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// Triggers a test adds or drops to make a write fail, or to tamper with what a permanent table's rule guards, written for
/// the provider <paramref name="database"/> runs on: SQLite's RAISE(ABORT) triggers, or PostgreSQL's trigger functions.
/// Names in a condition are quoted (<c>NEW."CustomerId"</c>), which both understand.
/// </summary>
public static class TestRules
{
    /// <summary>A trigger <paramref name="name"/> that refuses <paramref name="operation"/> (INSERT, UPDATE, DELETE) on
    /// <paramref name="table"/> with <paramref name="message"/>, for every row or only where <paramref name="when"/> holds.</summary>
    public static async Task AddRefusalAsync(this DatabaseFacade database, string name, string operation, string table,
        string message, string? when = null)
    {
        if (database.IsNpgsql())
        {
            var function = $"""
                CREATE FUNCTION "{name}"() RETURNS trigger LANGUAGE plpgsql AS $refusal$
                BEGIN RAISE EXCEPTION '{message}'; END
                $refusal$
                """;
            await database.ExecuteSqlRawAsync(function);
            var condition = when is null ? "" : $"WHEN ({when})";
            var trigger = $"""CREATE TRIGGER "{name}" BEFORE {operation} ON "{table}" FOR EACH ROW {condition} EXECUTE FUNCTION "{name}"()""";
            await database.ExecuteSqlRawAsync(trigger);
        }
        else
        {
            var condition = when is null ? "" : $"WHEN {when}";
            var trigger = $"""CREATE TRIGGER "{name}" BEFORE {operation} ON "{table}" {condition} BEGIN SELECT RAISE(ABORT, '{message}'); END""";
            await database.ExecuteSqlRawAsync(trigger);
        }
    }

    /// <summary>Drops the trigger <paramref name="name"/> of <paramref name="table"/> (and on PostgreSQL its function).</summary>
    public static Task DropRuleAsync(this DatabaseFacade database, string name, string table)
    {
        var drop = database.IsNpgsql() ? $"""DROP TRIGGER "{name}" ON "{table}"; DROP FUNCTION "{name}"()""" : $"""DROP TRIGGER "{name}" """;
        return database.ExecuteSqlRawAsync(drop);
    }
}
