namespace Com1ControlPanel.Data.Migrations;

/// <summary>
/// The trigger that lets an access request leave "pending" once: answered by the customer (approved with a window, or
/// denied) or, new here, withdrawn by the very agent who asked. Nothing else about the transitions changes: a request that
/// left "pending" never moves again. Kept apart from the migration so the rules read as a list, as in
/// <see cref="SupportRecordRules"/>.
/// </summary>
internal static class AccessRequestWithdrawalRules
{
    private const string Name = "SupportAccessRequests_AnsweredOnce";

    private static string Refuse(string message) => $"BEGIN SELECT RAISE(ABORT, '{message}'); END;";

    /// <summary>The trigger as <see cref="SupportRecordRules"/> made it: dropped going up, made again going down.</summary>
    private const string Replaced =
        "BEFORE UPDATE OF Status, AnsweredAt, ApprovedMinutes, WindowEndsAt ON SupportAccessRequests "
        + "WHEN OLD.Status <> 'Pending' OR NEW.Status NOT IN ('Approved', 'Denied') OR NEW.AnsweredAt IS NULL "
        + "OR (NEW.Status = 'Approved') <> (NEW.ApprovedMinutes IS NOT NULL AND NEW.WindowEndsAt IS NOT NULL) ";

    // "IS NOT" compares with NULL as a value, so a withdrawal without its agent can never slip through as NULL.
    private const string AnsweredOrWithdrawnOnce =
        "BEFORE UPDATE OF Status, AnsweredAt, ApprovedMinutes, WindowEndsAt, WithdrawnByUserId ON SupportAccessRequests "
        + "WHEN OLD.Status <> 'Pending' OR NEW.Status NOT IN ('Approved', 'Denied', 'Withdrawn') OR NEW.AnsweredAt IS NULL "
        + "OR (NEW.Status = 'Approved') <> (NEW.ApprovedMinutes IS NOT NULL AND NEW.WindowEndsAt IS NOT NULL) "
        + "OR (NEW.Status = 'Withdrawn') <> (NEW.WithdrawnByUserId IS NOT NULL) "
        + "OR (NEW.Status = 'Withdrawn' AND NEW.WithdrawnByUserId IS NOT OLD.AgentUserId) ";

    public static IEnumerable<string> Up =>
    [
        $"DROP TRIGGER IF EXISTS {Name};",
        $"CREATE TRIGGER {Name} {AnsweredOrWithdrawnOnce}" + Refuse("A support access request is answered or withdrawn once"),
    ];

    public static IEnumerable<string> Down =>
    [
        $"DROP TRIGGER IF EXISTS {Name};",
        $"CREATE TRIGGER {Name} {Replaced}" + Refuse("A support access request is answered once"),
    ];
}
