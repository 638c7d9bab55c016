namespace Com1ControlPanel.Data.Migrations;

/// <summary>
/// The SQLite triggers that keep support sessions, access requests, refused attempts and sign-in records permanent.
/// Kept apart from the migration so the rules read as a list: what may change, once, and what never may.
/// </summary>
internal static class SupportRecordRules
{
    private static string Refuse(string message) => $"BEGIN SELECT RAISE(ABORT, '{message}'); END;";

    private static readonly (string Name, string Sql)[] Triggers =
    [
        // Support sessions: what was started stays as started; the end is written once, the hand-back spent once.
        ("SupportSessions_NoDelete", "BEFORE DELETE ON SupportSessions " + Refuse("Support sessions are permanent and cannot be deleted")),
        ("SupportSessions_StartIsPermanent",
            "BEFORE UPDATE OF Id, AgentUserId, AgentName, CustomerId, Reason, Ticket, Note, StartedAt, ExpiresAt, AccessRequestId, "
            + "HandBackId, AgentStampHash, AgentUsedSecondFactor, AgentSignedInAt ON SupportSessions "
            + Refuse("A support session cannot be changed after it started")),
        ("SupportSessions_EndsOnce",
            "BEFORE UPDATE OF EndedAt, Ending, EndedByUserId ON SupportSessions "
            + "WHEN OLD.EndedAt IS NOT NULL OR NEW.EndedAt IS NULL OR NEW.Ending IS NULL "
            + Refuse("A support session ends once, and its end cannot be changed")),
        ("SupportSessions_HandedBackOnce",
            "BEFORE UPDATE OF HandedBackAt ON SupportSessions WHEN OLD.HandedBackAt IS NOT NULL OR NEW.HandedBackAt IS NULL "
            + Refuse("A support session is handed back once")),

        // Access requests: the request stays as asked; the answer (approve with a window, or deny) is written once.
        ("SupportAccessRequests_NoDelete",
            "BEFORE DELETE ON SupportAccessRequests " + Refuse("Support access requests are permanent and cannot be deleted")),
        ("SupportAccessRequests_RequestIsPermanent",
            "BEFORE UPDATE OF Id, AgentUserId, AgentName, CustomerId, Reason, Ticket, Note, RequestedMinutes, RequestedAt, AnswerBy "
            + "ON SupportAccessRequests " + Refuse("A support access request cannot be changed after it was asked")),
        ("SupportAccessRequests_AnsweredOnce",
            "BEFORE UPDATE OF Status, AnsweredAt, ApprovedMinutes, WindowEndsAt ON SupportAccessRequests "
            + "WHEN OLD.Status <> 'Pending' OR NEW.Status NOT IN ('Approved', 'Denied') OR NEW.AnsweredAt IS NULL "
            + "OR (NEW.Status = 'Approved') <> (NEW.ApprovedMinutes IS NOT NULL AND NEW.WindowEndsAt IS NOT NULL) "
            + Refuse("A support access request is answered once")),

        // Refused attempts and sign-ins are facts: never changed, never removed (not even with the account).
        ("SupportAttempts_NoUpdate", "BEFORE UPDATE ON SupportAttempts " + Refuse("Support attempts are permanent and cannot be changed")),
        ("SupportAttempts_NoDelete", "BEFORE DELETE ON SupportAttempts " + Refuse("Support attempts are permanent and cannot be deleted")),
        ("SignInRecords_NoUpdate", "BEFORE UPDATE ON SignInRecords " + Refuse("Sign-in records are permanent and cannot be changed")),
        ("SignInRecords_NoDelete", "BEFORE DELETE ON SignInRecords " + Refuse("Sign-in records are permanent and cannot be deleted")),
    ];

    public static IEnumerable<string> Create => Triggers.Select(t => $"CREATE TRIGGER {t.Name} {t.Sql}");

    public static IEnumerable<string> Names => Triggers.Select(t => t.Name);
}
