namespace Com1ControlPanel.Data.Migrations;

/// <summary>
/// The SQLite triggers that keep the privacy policy's records permanent: a published version, a customer's notice about
/// it and their record of being shown it never change and are never removed. Kept apart from the migration so the rules
/// read as a list, as in <see cref="SupportRecordRules"/>.
/// </summary>
internal static class PolicyRecordRules
{
    private static string Refuse(string message) => $"BEGIN SELECT RAISE(ABORT, '{message}'); END;";

    private static readonly (string Name, string Sql)[] Triggers =
    [
        ("PolicyVersions_NoUpdate", "BEFORE UPDATE ON PolicyVersions " + Refuse("A published policy version cannot be changed")),
        ("PolicyVersions_NoDelete", "BEFORE DELETE ON PolicyVersions " + Refuse("A published policy version cannot be deleted")),
        ("PolicyNotices_NoUpdate", "BEFORE UPDATE ON PolicyNotices " + Refuse("Policy notices are permanent and cannot be changed")),
        ("PolicyNotices_NoDelete", "BEFORE DELETE ON PolicyNotices " + Refuse("Policy notices are permanent and cannot be deleted")),
        ("PolicyAcknowledgements_NoUpdate",
            "BEFORE UPDATE ON PolicyAcknowledgements " + Refuse("Records of policies shown are permanent and cannot be changed")),
        ("PolicyAcknowledgements_NoDelete",
            "BEFORE DELETE ON PolicyAcknowledgements " + Refuse("Records of policies shown are permanent and cannot be deleted")),
    ];

    public static IEnumerable<string> Create => Triggers.Select(t => $"CREATE TRIGGER {t.Name} {t.Sql}");

    public static IEnumerable<string> Names => Triggers.Select(t => t.Name);
}
