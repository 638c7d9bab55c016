using Com1ControlPanel.Data;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// The database the kit gives tests that do not ask for one: SQLite unless COM1_TEST_PROVIDER says PostgreSQL, so the
/// whole suite can run on either. Tests of PostgreSQL itself ask for it by name and carry the trait Category=PostgreSQL.
/// </summary>
public static class TestProvider
{
    public static DatabaseProvider Current { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("COM1_TEST_PROVIDER"), ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;
}
