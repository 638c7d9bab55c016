namespace Com1ControlPanel.Data.Migrations;

/// <summary>
/// The SQLite triggers that keep Technical Contact moves permanent: what the customer asked never changes, a request moves
/// only forward (open, then taken or cancelled; taken, then completed or rejected), it is taken and closed once, and every
/// step with its actor and time is never altered or removed. Kept apart from the migration so the rules read as a list,
/// as in <see cref="SupportRecordRules"/>.
/// </summary>
internal static class TechnicalContactMoveRules
{
    private static string Refuse(string message) => $"BEGIN SELECT RAISE(ABORT, '{message}'); END;";

    private static readonly (string Name, string Sql)[] Triggers =
    [
        ("TechnicalContactMoves_NoDelete",
            "BEFORE DELETE ON TechnicalContactMoves " + Refuse("Technical Contact moves are permanent and cannot be deleted")),
        ("TechnicalContactMoves_RequestIsPermanent",
            "BEFORE UPDATE OF Id, DomainId, CustomerId, Company, ContactPerson, Email, Phone, CountryCode, Note, SubmittedAt "
            + "ON TechnicalContactMoves " + Refuse("A Technical Contact move cannot be changed after it was asked")),
        ("TechnicalContactMoves_OnlyForward",
            "BEFORE UPDATE OF Status ON TechnicalContactMoves "
            + "WHEN NOT ((OLD.Status = 'Open' AND NEW.Status IN ('Taken', 'Cancelled')) "
            + "OR (OLD.Status = 'Taken' AND NEW.Status IN ('Completed', 'Rejected'))) "
            + Refuse("A Technical Contact move only moves forward")),
        ("TechnicalContactMoves_TakenOnce",
            "BEFORE UPDATE OF TakenByUserId, TakenByName, TakenAt ON TechnicalContactMoves "
            + "WHEN OLD.TakenAt IS NOT NULL OR NEW.TakenAt IS NULL OR NEW.TakenByUserId IS NULL "
            + Refuse("A Technical Contact move is taken once")),
        ("TechnicalContactMoves_ClosedOnce",
            "BEFORE UPDATE OF ClosedAt ON TechnicalContactMoves WHEN OLD.ClosedAt IS NOT NULL OR NEW.ClosedAt IS NULL "
            + Refuse("A Technical Contact move is closed once")),

        // Every step is a fact: never changed, never removed.
        ("TechnicalContactMoveSteps_NoUpdate",
            "BEFORE UPDATE ON TechnicalContactMoveSteps " + Refuse("The steps of a Technical Contact move are permanent and cannot be changed")),
        ("TechnicalContactMoveSteps_NoDelete",
            "BEFORE DELETE ON TechnicalContactMoveSteps " + Refuse("The steps of a Technical Contact move are permanent and cannot be deleted")),
    ];

    public static IEnumerable<string> Create => Triggers.Select(t => $"CREATE TRIGGER {t.Name} {t.Sql}");

    public static IEnumerable<string> Names => Triggers.Select(t => t.Name);
}
