namespace Com1ControlPanel.Data;

/// <summary>
/// Which database the panel runs on (setting <c>Database:Provider</c>): SQLite, the embedded default that needs no server,
/// or PostgreSQL, for several instances sharing one database. <c>ConnectionStrings:Default</c> names the database for either.
/// </summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}
