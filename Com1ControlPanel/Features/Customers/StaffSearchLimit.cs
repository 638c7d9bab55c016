using System.Threading.RateLimiting;
using Com1ControlPanel.Infrastructure.RateLimiting;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Features.Customers;

/// <summary>
/// How many customer searches each member of staff may run in a window (<c>RateLimits:StaffSearch</c>). The support
/// console and the compliance picker search from live pages, with no HTTP request per search, so the search service
/// itself asks here rather than the HTTP rate limiter.
/// </summary>
public sealed class StaffSearchLimit(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(staffUserId =>
        RateLimitPartition.GetFixedWindowLimiter(staffUserId, _ => options.Value.StaffSearch.ToFixedWindow()));

    /// <summary>Null when the search may run; otherwise how long until it may.</summary>
    public TimeSpan? WaitFor(string staffUserId)
    {
        using var lease = limiter.AttemptAcquire(staffUserId);
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter
            : options.Value.StaffSearch.Window;
    }

    public void Dispose() => limiter.Dispose();
}
