using System.Security.Claims;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Features.Support;

/// <summary>The account an agent wants to act in, as far as the rules need to know it.</summary>
/// <param name="IsStaff">A staff account (any staff role, or no customer record): never accessible through a session.</param>
public sealed record SupportTarget(string UserId, bool IsStaff, bool IsLockedOut, AccountStatus Status, bool RequiresApproval);

/// <summary>
/// Who may start a support session in which account. Pure rules, checked on the server before every start (and again
/// when the HTTP endpoint signs the agent in), whatever the console showed.
/// </summary>
public static class SupportAccessRules
{
    /// <summary>Why <paramref name="agent"/> may not act in <paramref name="target"/> (null: unknown account), or null if they may.</summary>
    public static SupportRefusal? RefusalFor(ClaimsPrincipal agent, SupportTarget? target, bool requireTwoFactor)
    {
        // Checked first: inside a session the agent is signed in as a customer, so the role check below would hide why.
        if (agent.IsSupportSession())
        {
            return SupportRefusal.AlreadyInSession;
        }
        if (agent.Identity?.IsAuthenticated != true || !agent.IsInRole(Roles.SupportAgent)
            || agent.FindFirstValue(ClaimTypes.NameIdentifier) is not { } agentId)
        {
            return SupportRefusal.NotAnAgent;
        }
        if (requireTwoFactor && !agent.SignedInWithSecondFactor())
        {
            return SupportRefusal.TwoFactorRequired;
        }
        if (target is null)
        {
            return SupportRefusal.InvalidRequest;
        }
        if (target.UserId == agentId)
        {
            return SupportRefusal.OwnAccount;
        }
        if (target.IsStaff)
        {
            return SupportRefusal.TargetIsStaff;
        }
        if (target.Status == AccountStatus.Closed)
        {
            return SupportRefusal.AccountClosed;
        }
        if (target.IsLockedOut || target.Status != AccountStatus.Active)
        {
            return SupportRefusal.AccountLockedOrClosed;
        }
        return null;
    }
}
