namespace Com1ControlPanel.Tests.Kit;

/// <summary>Where a fake clock starts when a test gives no date of its own.</summary>
public static class TestClock
{
    /// <summary>
    /// Now, on a whole second: a time the test keeps in memory then compares with one read back from the database is the
    /// same on every provider (PostgreSQL stores microseconds, .NET keeps tenths of a microsecond).
    /// </summary>
    public static DateTimeOffset Start() => DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
}
