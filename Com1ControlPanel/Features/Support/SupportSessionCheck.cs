using System.Security.Cryptography;
using System.Text;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support;

/// <summary>Where a support session stands for the request or call asking.</summary>
public enum SupportSessionStatus
{
    /// <summary>Running, in this customer's account, by an agent who still may.</summary>
    Active,
    /// <summary>Ended, run out, unknown, or not this customer's.</summary>
    Ended,
    /// <summary>Still open, but its agent was locked, lost the support role, or had their sign-in revoked.</summary>
    AgentRevoked,
    /// <summary>Still open, but the customer's account was closed.</summary>
    AccountClosed,
}

/// <summary>
/// Checks a support session against the database: not ended, not past its expiry, in an account that is not closed, and
/// its agent still a support agent, not locked out, with the security stamp they had at the start.
/// </summary>
public sealed class SupportSessionCheck(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time) : ISupportSessionCheck
{
    public async Task<bool> IsActiveAsync(Guid sessionId, string customerId, CancellationToken cancellationToken = default) =>
        await StatusAsync(sessionId, customerId, cancellationToken) == SupportSessionStatus.Active;

    public async Task<SupportSessionStatus> StatusAsync(Guid sessionId, string customerId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var running = await (
                from session in db.SupportSessions
                join agent in db.Users on session.AgentUserId equals agent.Id
                join customer in db.Customers on session.CustomerId equals customer.Id
                where session.Id == sessionId && session.CustomerId == customerId && session.EndedAt == null && session.ExpiresAt > now
                select new
                {
                    session.AgentStampHash,
                    agent.SecurityStamp,
                    agent.LockoutEnd,
                    customer.Status,
                    IsAgent = (from userRole in db.UserRoles
                               join role in db.Roles on userRole.RoleId equals role.Id
                               where userRole.UserId == agent.Id && role.Name == Roles.SupportAgent
                               select userRole).Any(),
                })
            .SingleOrDefaultAsync(cancellationToken);
        if (running is null)
        {
            return SupportSessionStatus.Ended;
        }
        if (running.Status == AccountStatus.Closed)
        {
            return SupportSessionStatus.AccountClosed;
        }
        var locked = running.LockoutEnd is { } end && end.UtcDateTime > now;
        return running.IsAgent && !locked && AgentStamp.Matches(running.SecurityStamp, running.AgentStampHash)
            ? SupportSessionStatus.Active
            : SupportSessionStatus.AgentRevoked;
    }
}

/// <summary>
/// The agent's security stamp as a session keeps it: hashed, since the stamp itself is what validates the agent's own
/// cookies and has no business in a second table.
/// </summary>
public static class AgentStamp
{
    public static string Hash(string? securityStamp) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(securityStamp ?? "")));

    public static bool Matches(string? securityStamp, string recordedHash) =>
        recordedHash.Length > 0 && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(securityStamp)), Encoding.ASCII.GetBytes(recordedHash));
}
