using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support.Console;

/// <summary>How the agent's own session ended, for the console they land on afterwards. Never another agent's session.</summary>
public sealed class EndedSessions(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<EndedSessionView?> GetAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (!principal.IsInRole(Roles.SupportAgent) || principal.IsSupportSession()
            || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } agentId)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (from session in db.SupportSessions.AsNoTracking()
                      join customer in db.Customers on session.CustomerId equals customer.Id
                      where session.Id == sessionId && session.AgentUserId == agentId && session.EndedAt != null
                      select new EndedSessionView(customer.FullName, session.Ending, session.EndedAt!.Value))
            .SingleOrDefaultAsync(cancellationToken);
    }
}

public sealed record EndedSessionView(string CustomerName, SessionEnding? Ending, DateTime EndedAt)
{
    /// <summary>What the agent reads: who ended it, so a session the customer stopped is never mistaken for a fault.</summary>
    public string Message => Ending switch
    {
        SessionEnding.EndedByCustomer => $"{CustomerName} ended the support session. You are signed in as yourself again.",
        SessionEnding.EndedByAdmin => $"A Com 1 administrator ended your session in {CustomerName}'s account. You are signed in as yourself again.",
        SessionEnding.Expired => $"Your session in {CustomerName}'s account ran out of time. You are signed in as yourself again.",
        SessionEnding.AccountClosed => $"{CustomerName}'s account was closed, so your session in it ended. You are signed in as yourself again.",
        _ => $"Your session in {CustomerName}'s account has ended. You are signed in as yourself again.",
    };
}
