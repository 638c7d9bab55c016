namespace Com1ControlPanel.Data.Migrations;

/// <summary>
/// The SQLite triggers that keep a domain's history permanent: who changed what, and when, is never altered and never
/// removed. Kept apart from the migration so the rules read as a list, as in <see cref="SupportRecordRules"/>.
/// </summary>
internal static class DomainRecordRules
{
    private static string Refuse(string message) => $"BEGIN SELECT RAISE(ABORT, '{message}'); END;";

    private static readonly (string Name, string Sql)[] Triggers =
    [
        ("DomainChanges_NoUpdate", "BEFORE UPDATE ON DomainChanges " + Refuse("Domain history is permanent and cannot be changed")),
        ("DomainChanges_NoDelete", "BEFORE DELETE ON DomainChanges " + Refuse("Domain history is permanent and cannot be deleted")),
    ];

    public static IEnumerable<string> Create => Triggers.Select(t => $"CREATE TRIGGER {t.Name} {t.Sql}");

    public static IEnumerable<string> Names => Triggers.Select(t => t.Name);
}
