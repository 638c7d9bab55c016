namespace Com1ControlPanel.Data.Migrations;

/// <summary>
/// The SQLite triggers that keep help requests permanent: what the customer asked never changes, a closed request is never
/// reopened, every step is never altered or removed, and a session's help request is fixed when it starts. Kept apart from
/// the migration so the rules read as a list, as in <see cref="SupportRecordRules"/>.
/// </summary>
internal static class HelpRequestRules
{
    private static string Refuse(string message) => $"BEGIN SELECT RAISE(ABORT, '{message}'); END;";

    private static readonly (string Name, string Sql)[] Triggers =
    [
        ("HelpRequests_NoDelete", "BEFORE DELETE ON HelpRequests " + Refuse("Help requests are permanent and cannot be deleted")),
        ("HelpRequests_RequestIsPermanent",
            "BEFORE UPDATE OF Id, CustomerId, Subject, Description, AccessMinutes, CreatedAt ON HelpRequests "
            + Refuse("A help request cannot be changed after it was asked")),
        ("HelpRequests_ClosedStaysClosed",
            "BEFORE UPDATE ON HelpRequests WHEN OLD.Status = 'Closed' " + Refuse("A closed help request stays closed")),
        ("HelpRequestSteps_NoUpdate", "BEFORE UPDATE ON HelpRequestSteps " + Refuse("The steps of a help request are permanent and cannot be changed")),
        ("HelpRequestSteps_NoDelete", "BEFORE DELETE ON HelpRequestSteps " + Refuse("The steps of a help request are permanent and cannot be deleted")),
        ("SupportSessions_HelpRequestIsPermanent",
            "BEFORE UPDATE OF HelpRequestId ON SupportSessions " + Refuse("A support session cannot be changed after it started")),
    ];

    public static IEnumerable<string> Create => Triggers.Select(t => $"CREATE TRIGGER {t.Name} {t.Sql}");

    public static IEnumerable<string> Names => Triggers.Select(t => t.Name);
}
