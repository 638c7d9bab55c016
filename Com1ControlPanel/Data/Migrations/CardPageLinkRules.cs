namespace Com1ControlPanel.Data.Migrations;

/// <summary>
/// The SQLite triggers that keep billing's card page links permanent: who sent which customer a link, and when, never
/// changes and is never removed; the one use is written once. Kept apart from the migration so the rules read as a list,
/// as in <see cref="SupportRecordRules"/>.
/// </summary>
internal static class CardPageLinkRules
{
    private static string Refuse(string message) => $"BEGIN SELECT RAISE(ABORT, '{message}'); END;";

    private static readonly (string Name, string Sql)[] Triggers =
    [
        ("CardPageLinks_NoDelete", "BEFORE DELETE ON CardPageLinks " + Refuse("Card page links are permanent and cannot be deleted")),
        ("CardPageLinks_SentIsPermanent",
            "BEFORE UPDATE OF Id, CustomerId, TokenHash, SentAt, ExpiresAt, SentByUserId, SentByName ON CardPageLinks "
            + Refuse("A card page link cannot be changed after it was sent")),
        ("CardPageLinks_UsedOnce",
            "BEFORE UPDATE OF UsedAt ON CardPageLinks WHEN OLD.UsedAt IS NOT NULL OR NEW.UsedAt IS NULL "
            + Refuse("A card page link is used once")),
    ];

    public static IEnumerable<string> Create => Triggers.Select(t => $"CREATE TRIGGER {t.Name} {t.Sql}");

    public static IEnumerable<string> Names => Triggers.Select(t => t.Name);
}
