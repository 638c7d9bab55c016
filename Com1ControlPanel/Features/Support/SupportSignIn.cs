using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Features.Support;

/// <summary>
/// Switches the browser's sign-in between the agent and the customer's account. The session cookie is the customer's
/// with the agent's actor claims added; ending it signs the agent back in as themselves.
/// </summary>
internal static class SupportSignIn
{
    public static async Task AsCustomerAsync(HttpContext http, SupportSession session)
    {
        var services = http.RequestServices;
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var customer = await users.FindByIdAsync(session.CustomerId)
            ?? throw new InvalidOperationException("The customer's account disappeared while the session started.");
        List<Claim> claims =
        [
            new(SupportClaims.ActorId, session.AgentUserId),
            new(SupportClaims.ActorName, session.AgentName),
            new(SupportClaims.SessionId, session.Id.ToString()),
            // How the agent signed in travels with the session, so it can be given back when the session ends.
            .. http.User.FindAll(PanelClaims.AuthenticationMethod).Select(c => new Claim(c.Type, c.Value)),
        ];
        await services.GetRequiredService<SignInManager<ApplicationUser>>()
            .SignInWithClaimsAsync(customer, new AuthenticationProperties { IsPersistent = false }, claims);
    }

    /// <summary>
    /// Signs the agent behind a session cookie back in as themselves; signs out entirely (and returns false) when that
    /// account is gone or no longer an agent.
    /// </summary>
    public static async Task<bool> BackToAgentAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var signIn = services.GetRequiredService<SignInManager<ApplicationUser>>();
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var agent = http.User.FindFirstValue(SupportClaims.ActorId) is { } agentId ? await users.FindByIdAsync(agentId) : null;
        if (agent is null || !await users.IsInRoleAsync(agent, Roles.SupportAgent) || await users.IsLockedOutAsync(agent))
        {
            await signIn.SignOutAsync();
            return false;
        }
        var methods = http.User.FindAll(PanelClaims.AuthenticationMethod).Select(c => new Claim(c.Type, c.Value)).ToList();
        await signIn.SignInWithClaimsAsync(agent, new AuthenticationProperties { IsPersistent = false }, methods);
        return true;
    }
}
