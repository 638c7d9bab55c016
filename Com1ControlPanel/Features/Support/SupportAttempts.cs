using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support;

/// <summary>Keeps every refused attempt to start or use a support session, for review; nothing else is changed by one.</summary>
public sealed class SupportAttempts(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time) : ISupportAttempts
{
    /// <summary>The longest page path or action name kept of what was attempted.</summary>
    public const int AttemptedLength = 200;

    public Task RecordCustomerOnlyAsync(string agentUserId, string customerId, string attempted, CancellationToken cancellationToken = default) =>
        RecordAsync(agentUserId, customerId, SupportRefusal.ForbiddenDuringSession, attempted, cancellationToken);

    public Task RecordAsync(string agentUserId, string? customerId, SupportRefusal refusal, CancellationToken cancellationToken = default) =>
        RecordAsync(agentUserId, customerId, refusal, attempted: null, cancellationToken);

    /// <param name="attempted">The page's path or the action's name: never a query string or anything of the customer's.</param>
    public async Task RecordAsync(
        string agentUserId, string? customerId, SupportRefusal refusal, string? attempted, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.SupportAttempts.Add(new SupportAttempt
        {
            At = time.GetUtcNow().UtcDateTime,
            AgentUserId = Truncate(agentUserId, 450),
            // An id that names no account is still kept (it is what the attempt asked for), cut to the column's size.
            CustomerId = customerId is null ? null : Truncate(customerId, 450),
            Refusal = refusal,
            Attempted = attempted is null ? null : Truncate(attempted, AttemptedLength),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
