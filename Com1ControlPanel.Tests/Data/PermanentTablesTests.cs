using System.Data.Common;
using Com1ControlPanel.Data;

namespace Com1ControlPanel.Tests.Data;

/// <summary>
/// Every permanent table refuses a change of what is permanent in it, and refuses deletion, with the same words on SQLite
/// and on PostgreSQL: the app seeded with its demo data (disclosures, support access, cards, domains, moves), and the
/// rows the demo leaves out written as the app writes them, then tampered with as someone with database access would.
/// </summary>
public abstract class PermanentTablesTests(PermanentRecordsApp app)
{
    /// <summary>Table, a column that never changes, and the refusals of an update and of a delete.</summary>
    public static TheoryData<string, string, string, string> Tables => new()
    {
        { "AccountClosures", "ClosedAt", "An account closure cannot be changed", "Account closures are permanent and cannot be deleted" },
        { "CardPageLinks", "SentAt", "A card page link cannot be changed after it was sent", "Card page links are permanent and cannot be deleted" },
        { "ConsentRecords", "RecordedAt", "ConsentRecords are permanent and cannot be changed",
            "ConsentRecords are kept six years after an account closes and cannot be deleted before" },
        { "DisclosureEntries", "Sequence", "DisclosureEntries are permanent and cannot be changed",
            "DisclosureEntries are kept six years after an account closes and cannot be deleted before" },
        { "DisclosureNotices", "CustomerId", "DisclosureNotices are permanent and cannot be changed",
            "DisclosureNotices are kept six years after an account closes and cannot be deleted before" },
        { "Disclosures", "Description", "Disclosures are permanent and cannot be changed", "Disclosures are permanent and cannot be deleted" },
        { "DomainChanges", "ChangedAt", "Domain history is permanent and cannot be changed", "Domain history is permanent and cannot be deleted" },
        { "HelpRequestSteps", "At", "The steps of a help request are permanent and cannot be changed",
            "The steps of a help request are permanent and cannot be deleted" },
        { "HelpRequests", "CreatedAt", "A help request cannot be changed after it was asked", "Help requests are permanent and cannot be deleted" },
        { "PolicyAcknowledgements", "CustomerId", "Records of policies shown are permanent and cannot be changed",
            "Records of policies shown are permanent and cannot be deleted" },
        { "PolicyNotices", "CustomerId", "Policy notices are permanent and cannot be changed", "Policy notices are permanent and cannot be deleted" },
        { "PolicyVersions", "Summary", "A published policy version cannot be changed", "A published policy version cannot be deleted" },
        { "ProfileChanges", "ChangedAt", "ProfileChanges are permanent and cannot be changed", "ProfileChanges are permanent and cannot be deleted" },
        { "RetentionRuns", "Id", "Retention runs are permanent and cannot be changed", "Retention runs are permanent and cannot be deleted" },
        { "SignInRecords", "At", "Sign-in records are permanent and cannot be changed", "Sign-in records are permanent and cannot be deleted" },
        { "StaffSearchRecords", "Id", "StaffSearchRecords are permanent and cannot be changed", "StaffSearchRecords are permanent and cannot be deleted" },
        { "SupportAccessRequests", "RequestedAt", "A support access request cannot be changed after it was asked",
            "Support access requests are permanent and cannot be deleted" },
        { "SupportAttempts", "At", "Support attempts are permanent and cannot be changed", "Support attempts are permanent and cannot be deleted" },
        { "SupportSessions", "StartedAt", "A support session cannot be changed after it started", "Support sessions are permanent and cannot be deleted" },
        { "TechnicalContactMoveSteps", "At", "The steps of a Technical Contact move are permanent and cannot be changed",
            "The steps of a Technical Contact move are permanent and cannot be deleted" },
        { "TechnicalContactMoves", "SubmittedAt", "A Technical Contact move cannot be changed after it was asked",
            "Technical Contact moves are permanent and cannot be deleted" },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task A_permanent_table_refuses_changes_and_deletions(string table, string column, string updateRefusal, string deleteRefusal)
    {
        await app.ArrangedAsync();
        // Names from the list above, never from input: the statements are built as text.
        var count = $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"";
        // Double quotes name a column on both SQLite and PostgreSQL; setting a column to itself still names it in the update.
        var tamper = $"UPDATE \"{table}\" SET \"{column}\" = \"{column}\"";
        var remove = $"DELETE FROM \"{table}\"";
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var rows = await db.Database.SqlQueryRaw<int>(count).SingleAsync();
        Assert.True(rows > 0, $"{table} has no row to tamper with.");

        var update = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(tamper));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(remove));

        Assert.Contains(updateRefusal, update.Message);
        Assert.Contains(deleteRefusal, delete.Message);
        Assert.Equal(rows, await db.Database.SqlQueryRaw<int>(count).SingleAsync());
    }
}

public sealed class PermanentTablesOnSqliteTests(PermanentTablesOnSqliteTests.App app)
    : PermanentTablesTests(app), IClassFixture<PermanentTablesOnSqliteTests.App>
{
    public sealed class App() : PermanentRecordsApp(DatabaseProvider.Sqlite);
}

[Trait("Category", "PostgreSQL")]
public sealed class PermanentTablesOnPostgreSqlTests(PermanentTablesOnPostgreSqlTests.App app)
    : PermanentTablesTests(app), IClassFixture<PermanentTablesOnPostgreSqlTests.App>
{
    public sealed class App() : PermanentRecordsApp(DatabaseProvider.PostgreSQL);
}
