namespace Com1ControlPanel.Infrastructure.Auditing;

/// <summary>
/// Whether a support session may still act. Asked on every request and every service call made inside a session, so a
/// session that ended, ran out or lost its agent stops at once on the server, whatever the browser shows. The Support
/// feature owns the sessions and answers it.
/// </summary>
public interface ISupportSessionCheck
{
    Task<bool> IsActiveAsync(Guid sessionId, string customerId, CancellationToken cancellationToken = default);
}

/// <summary>Thrown when a support session that has ended (or expired) tries to act.</summary>
public sealed class SupportSessionEndedException()
    : UnauthorizedAccessException("The support session has ended.");
