using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support.Admin;

/// <summary>The support sessions running now, for administrators (only them, checked on the server), who can end any.</summary>
public sealed class ActiveSupportSessions(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, SupportSessionEnding ending, TimeProvider time)
{
    public async Task<IReadOnlyList<ActiveSessionView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync();
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

    /// <summary>The latest refused attempts to start or use a session, newest first, with the agent's and customer's names.</summary>
    public async Task<IReadOnlyList<RefusedAttemptView>> RecentAttemptsAsync(int count = 50, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (from attempt in db.SupportAttempts.AsNoTracking()
                      join agent in db.Users on attempt.AgentUserId equals agent.Id into agents
                      from agent in agents.DefaultIfEmpty()
                      join customer in db.Users on attempt.CustomerId equals customer.Id into customers
                      from customer in customers.DefaultIfEmpty()
                      orderby attempt.At descending, attempt.Id descending
                      select new RefusedAttemptView(attempt.At, agent == null ? attempt.AgentUserId : agent.DisplayName,
                          customer == null ? null : customer.DisplayName, attempt.Refusal))
            .Take(Math.Clamp(count, 1, 200))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Ends one session at once: its next request or action is refused and the agent is signed back in as themselves.</summary>
    public async Task EndAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        var admin = await RequireAdminAsync();
        await ending.EndAsync(sessionId, SessionEnding.EndedByAdmin, admin.UserId, cancellationToken);
    }

    private async Task<Actor> RequireAdminAsync()
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (!principal.IsInRole(Roles.Admin) || principal.IsSupportSession())
        {
            throw new UnauthorizedAccessException("Only administrators can see and end support sessions.");
        }
        return await currentUser.GetActorAsync();
    }
}

public sealed record ActiveSessionView(
    Guid Id, string AgentName, string CustomerName, string CustomerNumber, SupportReason Reason, string Ticket,
    DateTime StartedAt, DateTime ExpiresAt);

public sealed record RefusedAttemptView(DateTime At, string Agent, string? Customer, SupportRefusal Refusal);
