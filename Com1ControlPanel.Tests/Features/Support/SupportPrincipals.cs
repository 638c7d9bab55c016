using System.Security.Claims;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Support;

namespace Com1ControlPanel.Tests.Features.Support;

/// <summary>Principals as the sign-in cookie makes them: agents with or without a second factor, and support sessions.</summary>
internal static class SupportPrincipals
{
    public static ClaimsPrincipal Agent(string id = "agent-1", string name = "Dana Agent", bool secondFactor = true)
    {
        var principal = SignedIn.As(id, name, Roles.SupportAgent);
        if (secondFactor)
        {
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(PanelClaims.AuthenticationMethod, PanelClaims.MultiFactor));
        }
        return principal;
    }

    /// <summary>The customer's identity with the agent's actor claims: what the browser holds during a session.</summary>
    public static ClaimsPrincipal InSession(string customerId, Guid sessionId, string agentId = "agent-1", string agentName = "Dana Agent")
    {
        var principal = SignedIn.As(customerId, "Customer", Roles.Customer);
        ((ClaimsIdentity)principal.Identity!).AddClaims(
        [
            new Claim(SupportClaims.ActorId, agentId),
            new Claim(SupportClaims.ActorName, agentName),
            new Claim(SupportClaims.SessionId, sessionId.ToString()),
            new Claim(PanelClaims.AuthenticationMethod, PanelClaims.MultiFactor),
        ]);
        return principal;
    }
}
