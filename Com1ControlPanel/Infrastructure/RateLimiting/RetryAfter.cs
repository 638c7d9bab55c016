namespace Com1ControlPanel.Infrastructure.RateLimiting;

public static class RetryAfter
{
    /// <summary>"in 45 seconds", "in 1 minute", "in 12 minutes", "in 2 hours": when a refused request may be made again.</summary>
    public static string Describe(TimeSpan wait) => wait switch
    {
        { TotalSeconds: < 60 } => $"in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} seconds",
        { TotalMinutes: < 2 } => "in 1 minute",
        { TotalMinutes: < 120 } => $"in {(int)Math.Ceiling(wait.TotalMinutes)} minutes",
        _ => $"in {(int)Math.Ceiling(wait.TotalHours)} hours",
    };

    /// <summary>The Retry-After header's value: whole seconds, at least one.</summary>
    public static string HeaderValue(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
