using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support.Admin;

/// <summary>The support sessions running now, for administrators (only them, checked on the server), who can end any.</summary>
public sealed class ActiveSupportSessions(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, SupportSessionEnding ending, TimeProvider time)
{
    public async Task<IReadOnlyList<ActiveSessionView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAdminAsync();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (from session in db.SupportSessions.AsNoTracking()
                      join customer in db.Customers on session.CustomerId equals customer.Id
                      where session.EndedAt == null && session.ExpiresAt > now
                      orderby session.StartedAt
                      select new ActiveSessionView(session.Id, session.AgentName, customer.FullName, customer.CustomerNumber,
                          session.Reason, session.Ticket, session.StartedAt, session.ExpiresAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Ends one session at once: its next request or action is refused and the agent is signed back in as themselves.</summary>
    public async Task EndAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        var admin = await currentUser.RequireAdminAsync();
        await ending.EndAsync(sessionId, SessionEnding.EndedByAdmin, admin.UserId, cancellationToken);
    }
}

public sealed record ActiveSessionView(
    Guid Id, string AgentName, string CustomerName, string CustomerNumber, SupportReason Reason, string Ticket,
    DateTime StartedAt, DateTime ExpiresAt);
