namespace Com1ControlPanel.Infrastructure.RateLimiting;

/// <summary>
/// Endpoint metadata for an endpoint that programs call in a format of their own (RDAP's JSON): its 429 answer is written
/// by the endpoint's owner instead of the panel's status page. The status code and Retry-After are already set.
/// </summary>
public interface IRateLimitRefusal
{
    Task WriteAsync(HttpContext context, TimeSpan retryAfter);
}
