namespace Com1ControlPanel.Data.Migrations;

/// <summary>
/// Help requests join the retention of a closed account (<see cref="RetentionExceptionRules"/>): while its closure is
/// marked "Anonymising", and only then, a request's subject may become
/// <see cref="Features.Support.Help.HelpRequestRetention.RemovedSubject"/> and its description
/// empty, and the customer's own name on its steps may become their customer number. When, by whom and what happened never
/// change, a closed request stays closed, and nothing is ever deleted, as before.
/// </summary>
internal static class HelpRequestRetentionRules
{
    private static string Refuse(string message) => $"BEGIN SELECT RAISE(ABORT, '{message}'); END;";

    private static readonly string Anonymising = RetentionExceptionRules.Anonymising("OLD.CustomerId");

    /// <summary>The triggers this replaces, as HelpRequests made them: dropped going up, made again going down.</summary>
    private static readonly (string Name, string Sql)[] Replaced =
    [
        ("HelpRequests_RequestIsPermanent",
            "BEFORE UPDATE OF Id, CustomerId, Subject, Description, AccessMinutes, CreatedAt ON HelpRequests "
            + Refuse("A help request cannot be changed after it was asked")),
        ("HelpRequests_ClosedStaysClosed",
            "BEFORE UPDATE ON HelpRequests WHEN OLD.Status = 'Closed' " + Refuse("A closed help request stays closed")),
        ("HelpRequestSteps_NoUpdate", "BEFORE UPDATE ON HelpRequestSteps " + Refuse("The steps of a help request are permanent and cannot be changed")),
    ];

    private static readonly (string Name, string Sql)[] Triggers =
    [
        ("HelpRequests_RequestIsPermanent",
            "BEFORE UPDATE OF Id, CustomerId, AccessMinutes, CreatedAt ON HelpRequests "
            + Refuse("A help request cannot be changed after it was asked")),
        ("HelpRequests_WordsRemovedOnlyInRetention",
            $"BEFORE UPDATE OF Subject, Description ON HelpRequests WHEN NOT ({Anonymising} "
            + $"AND NEW.Subject IS '{Features.Support.Help.HelpRequestRetention.RemovedSubject}' AND NEW.Description IS '') "
            + Refuse("A help request cannot be changed after it was asked")),
        // Every column that moves while a request is open: once closed, none of them moves again.
        ("HelpRequests_ClosedStaysClosed",
            "BEFORE UPDATE OF Status, LastActivityAt, ClosedAt, Version ON HelpRequests WHEN OLD.Status = 'Closed' "
            + Refuse("A closed help request stays closed")),
        ("HelpRequestSteps_NoUpdate",
            "BEFORE UPDATE OF Id, HelpRequestId, CustomerId, Kind, At, ActorUserId, Source, SupportSessionId ON HelpRequestSteps "
            + Refuse("The steps of a help request are permanent and cannot be changed")),
        ("HelpRequestSteps_NameOnlyInRetention",
            $"BEFORE UPDATE OF ActorName ON HelpRequestSteps WHEN NOT ({Anonymising} AND {RetentionExceptionRules.OwnNameBecomesNumber()}) "
            + Refuse("The steps of a help request are permanent and cannot be changed")),
    ];

    public static IEnumerable<string> Up =>
        Replaced.Select(t => $"DROP TRIGGER IF EXISTS {t.Name};").Concat(Triggers.Select(t => $"CREATE TRIGGER {t.Name} {t.Sql}"));

    public static IEnumerable<string> Down =>
        Triggers.Select(t => $"DROP TRIGGER IF EXISTS {t.Name};").Concat(Replaced.Select(t => $"CREATE TRIGGER {t.Name} {t.Sql}"));
}
