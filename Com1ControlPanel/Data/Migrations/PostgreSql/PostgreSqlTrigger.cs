namespace Com1ControlPanel.Data.Migrations.PostgreSql;

/// <summary>
/// One rule of a permanent table as PostgreSQL enforces it: a trigger function that refuses the change with
/// <see cref="Message"/> when <see cref="When"/> holds (always when it is null), and a BEFORE trigger on
/// <see cref="Table"/> for <see cref="Event"/> ("DELETE", "UPDATE" or "UPDATE OF A, B") that calls it for each row.
/// The condition sits in the function body rather than in the trigger's WHEN, because PostgreSQL allows no subquery
/// there and several rules ask whether the customer's account is in a retention step. The error is SQLSTATE 23001
/// (restrict_violation), an integrity violation as SQLite's RAISE(ABORT) is, with the same message as on SQLite.
/// </summary>
internal sealed record PostgreSqlTrigger(string Name, string Table, string Event, string? When, string Message)
{
    public IEnumerable<string> Create =>
    [
        $"""
        CREATE FUNCTION "{Name}"() RETURNS trigger LANGUAGE plpgsql AS $rule$
        BEGIN
            IF {When ?? "TRUE"} THEN
                RAISE EXCEPTION '{Message.Replace("'", "''")}' USING ERRCODE = 'restrict_violation';
            END IF;
            IF TG_OP = 'DELETE' THEN
                RETURN OLD;
            END IF;
            RETURN NEW;
        END
        $rule$;
        """,
        $"""CREATE TRIGGER "{Name}" BEFORE {QuotedEvent} ON "{Table}" FOR EACH ROW EXECUTE FUNCTION "{Name}"();""",
    ];

    /// <summary>Dropping the function drops its trigger with it.</summary>
    public string Drop => $"""DROP FUNCTION IF EXISTS "{Name}"() CASCADE;""";

    // EF names PostgreSQL columns quoted, in their C# case: "UPDATE OF A, B" becomes UPDATE OF "A", "B".
    private string QuotedEvent => Event.StartsWith("UPDATE OF ", StringComparison.Ordinal)
        ? "UPDATE OF " + string.Join(", ", Event["UPDATE OF ".Length..].Split(',', StringSplitOptions.TrimEntries).Select(c => $"\"{c}\""))
        : Event;
}
