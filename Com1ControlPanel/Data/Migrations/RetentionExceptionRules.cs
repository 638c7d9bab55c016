namespace Com1ControlPanel.Data.Migrations;

/// <summary>
/// The one exception to the permanent records' triggers: the retention job of a closed account. Its transaction first
/// marks the account's closure with the step it is doing (<c>AccountClosures.Retention</c>), and only while that mark
/// stands, which no other transaction ever sees, may it change these rows of that customer, and only in these ways:
/// <list type="bullet">
/// <item>"Anonymising" (after <c>Retention:ClosedAccountDays</c>): the customer's own name in the history, consent records
/// and domain histories becomes their customer number; in their account history a value becomes empty or the number; their
/// sign-in records lose network and browser (both become empty). Nothing else of those rows may change, ever.</item>
/// <item>"RemovingRecords" (six years after closing): their consent records and disclosure log may be deleted, whole.</item>
/// </list>
/// Every other update or delete is refused as before. The closure itself is permanent, and its steps only move forward.
/// Kept apart from the migration so the rules read as a list, as in <see cref="SupportRecordRules"/>.
/// </summary>
internal static class RetentionExceptionRules
{
    private static string Refuse(string message) => $"BEGIN SELECT RAISE(ABORT, '{message}'); END;";

    private static string InStep(string customer, string step) =>
        $"EXISTS (SELECT 1 FROM AccountClosures WHERE CustomerId = {customer} AND Retention = '{step}')";

    internal static string Anonymising(string customer) => InStep(customer, "Anonymising");

    private static string RemovingRecords(string customer) => InStep(customer, "RemovingRecords");

    private static string Number(string customer) => $"(SELECT CustomerNumber FROM Customers WHERE Id = {customer})";

    // "IS" compares with NULL as a value, so no condition below can turn out NULL and let a change through by accident.
    internal static string OwnNameBecomesNumber(string customer = "OLD.CustomerId") =>
        $"(NEW.ActorName IS OLD.ActorName OR (OLD.ActorUserId IS {customer} AND NEW.ActorName IS {Number(customer)}))";

    private static string ValueEmptiedOrNumber(string column) =>
        $"(NEW.{column} IS OLD.{column} OR NEW.{column} IS NULL OR NEW.{column} IS {Number("OLD.CustomerId")})";

    /// <summary>The triggers this replaces, as the earlier migrations made them: dropped going up, made again going down.</summary>
    private static readonly (string Name, string Sql)[] Replaced =
    [
        ("ConsentRecords_NoUpdate", "BEFORE UPDATE ON ConsentRecords " + Refuse("ConsentRecords are permanent and cannot be changed")),
        ("ConsentRecords_NoDelete", "BEFORE DELETE ON ConsentRecords " + Refuse("ConsentRecords are permanent and cannot be deleted")),
        ("ProfileChanges_NoUpdate", "BEFORE UPDATE ON ProfileChanges " + Refuse("ProfileChanges are permanent and cannot be changed")),
        ("SignInRecords_NoUpdate", "BEFORE UPDATE ON SignInRecords " + Refuse("Sign-in records are permanent and cannot be changed")),
        ("DomainChanges_NoUpdate", "BEFORE UPDATE ON DomainChanges " + Refuse("Domain history is permanent and cannot be changed")),
        ("TechnicalContactMoveSteps_NoUpdate",
            "BEFORE UPDATE ON TechnicalContactMoveSteps " + Refuse("The steps of a Technical Contact move are permanent and cannot be changed")),
        ("DisclosureEntries_NoDelete", "BEFORE DELETE ON DisclosureEntries " + Refuse("DisclosureEntries are permanent and cannot be deleted")),
        ("DisclosureNotices_NoDelete", "BEFORE DELETE ON DisclosureNotices " + Refuse("DisclosureNotices are permanent and cannot be deleted")),
    ];

    private static readonly (string Name, string Sql)[] Triggers =
    [
        // Consent records: the customer's name may become their number while anonymising; whole records go after six years.
        ("ConsentRecords_NoUpdate",
            "BEFORE UPDATE OF Id, CustomerId, Purpose, Channel, OldGranted, NewGranted, RecordedAt, Source, ActorUserId, PolicyVersion, "
            + "SupportSessionId ON ConsentRecords " + Refuse("ConsentRecords are permanent and cannot be changed")),
        ("ConsentRecords_NameOnlyInRetention",
            $"BEFORE UPDATE OF ActorName ON ConsentRecords WHEN NOT ({Anonymising("OLD.CustomerId")} AND {OwnNameBecomesNumber()}) "
            + Refuse("ConsentRecords are permanent and cannot be changed")),
        ("ConsentRecords_NoDelete",
            $"BEFORE DELETE ON ConsentRecords WHEN NOT {RemovingRecords("OLD.CustomerId")} "
            + Refuse("ConsentRecords are kept six years after an account closes and cannot be deleted before")),

        // Account history: who, when, which field and why never change; values may be emptied or become the number.
        ("ProfileChanges_NoUpdate",
            "BEFORE UPDATE OF Id, CustomerId, Field, ChangedAt, ActorUserId, Source, SupportSessionId, Reason, Reference ON ProfileChanges "
            + Refuse("ProfileChanges are permanent and cannot be changed")),
        ("ProfileChanges_AnonymisedOnlyInRetention",
            $"BEFORE UPDATE OF OldValue, NewValue, ActorName ON ProfileChanges WHEN NOT ({Anonymising("OLD.CustomerId")} "
            + $"AND {ValueEmptiedOrNumber("OldValue")} AND {ValueEmptiedOrNumber("NewValue")} AND {OwnNameBecomesNumber()}) "
            + Refuse("ProfileChanges are permanent and cannot be changed")),

        // Sign-in records: date, method and outcome never change; network and browser may be emptied.
        ("SignInRecords_NoUpdate",
            "BEFORE UPDATE OF Id, UserId, At, Succeeded, Method, Outcome ON SignInRecords "
            + Refuse("Sign-in records are permanent and cannot be changed")),
        ("SignInRecords_ShortenedOnlyInRetention",
            $"BEFORE UPDATE OF Network, Browser ON SignInRecords WHEN NOT ({Anonymising("OLD.UserId")} "
            + "AND NEW.Network IS '' AND NEW.Browser IS '') " + Refuse("Sign-in records are permanent and cannot be changed")),

        // Domain history and Technical Contact move steps: only the customer's own name may become their number.
        ("DomainChanges_NoUpdate",
            "BEFORE UPDATE OF Id, DomainId, CustomerId, Kind, OldValue, NewValue, ChangedAt, ActorUserId, Source, SupportSessionId "
            + "ON DomainChanges " + Refuse("Domain history is permanent and cannot be changed")),
        ("DomainChanges_NameOnlyInRetention",
            $"BEFORE UPDATE OF ActorName ON DomainChanges WHEN NOT ({Anonymising("OLD.CustomerId")} AND {OwnNameBecomesNumber()}) "
            + Refuse("Domain history is permanent and cannot be changed")),
        ("TechnicalContactMoveSteps_NoUpdate",
            "BEFORE UPDATE OF Id, MoveId, CustomerId, Kind, At, ActorUserId, Source, SupportSessionId, Reason ON TechnicalContactMoveSteps "
            + Refuse("The steps of a Technical Contact move are permanent and cannot be changed")),
        ("TechnicalContactMoveSteps_NameOnlyInRetention",
            $"BEFORE UPDATE OF ActorName ON TechnicalContactMoveSteps WHEN NOT ({Anonymising("OLD.CustomerId")} AND {OwnNameBecomesNumber()}) "
            + Refuse("The steps of a Technical Contact move are permanent and cannot be changed")),

        // The disclosure log goes whole, six years after closing; entries are never changed (their own triggers stay).
        ("DisclosureEntries_NoDelete",
            $"BEFORE DELETE ON DisclosureEntries WHEN NOT {RemovingRecords("OLD.CustomerId")} "
            + Refuse("DisclosureEntries are kept six years after an account closes and cannot be deleted before")),
        ("DisclosureNotices_NoDelete",
            $"BEFORE DELETE ON DisclosureNotices WHEN NOT {RemovingRecords("OLD.CustomerId")} "
            + Refuse("DisclosureNotices are kept six years after an account closes and cannot be deleted before")),

        // The closure: when and by whom never change, it is never removed, and retention only moves forward.
        ("AccountClosures_NoDelete", "BEFORE DELETE ON AccountClosures " + Refuse("Account closures are permanent and cannot be deleted")),
        ("AccountClosures_ClosingIsPermanent",
            "BEFORE UPDATE OF CustomerId, ClosedAt, ClosedByUserId, Source ON AccountClosures "
            + Refuse("An account closure cannot be changed")),
        ("AccountClosures_RetentionMovesForward",
            "BEFORE UPDATE OF Retention ON AccountClosures WHEN NOT ((OLD.Retention = 'Kept' AND NEW.Retention = 'Anonymising') "
            + "OR (OLD.Retention = 'Anonymising' AND NEW.Retention = 'Anonymised') "
            + "OR (OLD.Retention = 'Anonymised' AND NEW.Retention = 'RemovingRecords') "
            + "OR (OLD.Retention = 'RemovingRecords' AND NEW.Retention = 'RecordsRemoved')) "
            + Refuse("The retention of a closed account only moves forward")),

        // What each retention run did: counts, kept for good.
        ("RetentionRuns_NoUpdate", "BEFORE UPDATE ON RetentionRuns " + Refuse("Retention runs are permanent and cannot be changed")),
        ("RetentionRuns_NoDelete", "BEFORE DELETE ON RetentionRuns " + Refuse("Retention runs are permanent and cannot be deleted")),
    ];

    public static IEnumerable<string> Up =>
        Replaced.Select(t => $"DROP TRIGGER IF EXISTS {t.Name};").Concat(Triggers.Select(t => $"CREATE TRIGGER {t.Name} {t.Sql}"));

    public static IEnumerable<string> Down =>
        Triggers.Select(t => $"DROP TRIGGER IF EXISTS {t.Name};").Concat(Replaced.Select(t => $"CREATE TRIGGER {t.Name} {t.Sql}"));
}
