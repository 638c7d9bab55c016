using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support;

/// <summary>Keeps every refused attempt to start or use a support session, for review; nothing else is changed by one.</summary>
public sealed class SupportAttempts(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time) : ISupportAttempts
{
    public Task RecordCustomerOnlyAsync(string agentUserId, string customerId, CancellationToken cancellationToken = default) =>
        RecordAsync(agentUserId, customerId, SupportRefusal.ForbiddenDuringSession, cancellationToken);

    public async Task RecordAsync(string agentUserId, string? customerId, SupportRefusal refusal, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.SupportAttempts.Add(new SupportAttempt
        {
            At = time.GetUtcNow().UtcDateTime,
            AgentUserId = Truncate(agentUserId),
            // An id that names no account is still kept (it is what the attempt asked for), cut to the column's size.
            CustomerId = customerId is null ? null : Truncate(customerId),
            Refusal = refusal,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncate(string value) => value.Length <= 450 ? value : value[..450];
}
