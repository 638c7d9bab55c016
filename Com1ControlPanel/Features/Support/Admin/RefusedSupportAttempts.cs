using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support.Admin;

/// <summary>Refused attempts to start or use a session, for administrators only: newest first, by agent, paged in the database.</summary>
public sealed class RefusedSupportAttempts(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<ListPage<RefusedAttemptView>> ListAsync(
        string? agentUserId = null, int page = 0, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAdminAsync();
        page = ListPage<RefusedAttemptView>.Clamp(page);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attempts = db.SupportAttempts.AsNoTracking();
        if (agentUserId is { Length: > 0 })
        {
            attempts = attempts.Where(a => a.AgentUserId == agentUserId);
        }
        var total = await attempts.CountAsync(cancellationToken);
        var found = await (from attempt in attempts
                           join agent in db.Users on attempt.AgentUserId equals agent.Id into agents
                           from agent in agents.DefaultIfEmpty()
                           join customer in db.Users on attempt.CustomerId equals customer.Id into customers
                           from customer in customers.DefaultIfEmpty()
                           orderby attempt.At descending, attempt.Id descending
                           select new RefusedAttemptView(attempt.At, agent == null ? attempt.AgentUserId : agent.DisplayName,
                               customer == null ? null : customer.DisplayName, attempt.Refusal, attempt.Attempted))
            .Skip(page * ListPage<RefusedAttemptView>.Size).Take(ListPage<RefusedAttemptView>.Size)
            .ToListAsync(cancellationToken);
        return new(found, page, total);
    }
}

public sealed record RefusedAttemptView(DateTime At, string Agent, string? Customer, SupportRefusal Refusal, string? Attempted)
{
    public string WhatWasRefused => RefusalWording.ForAdmin(Refusal, Attempted);
}
