using System.Security.Claims;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>Who the server believes is signed in, as the sign-in cookie makes them: for services and pages under test.</summary>
public static class Principals
{
    /// <summary>Nobody signed in.</summary>
    public static ClaimsPrincipal Visitor => new(new ClaimsIdentity());

    public static ClaimsPrincipal Of(string userId, string displayName, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, $"{userId}@example.com"),
             new Claim(PanelClaims.DisplayName, displayName), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            authenticationType: "Test"));

    public static ClaimsPrincipal Customer(string customerId, string displayName = "Test Customer") =>
        Of(customerId, displayName, Roles.Customer);

    /// <summary>A support agent, signed in with a second factor unless told otherwise.</summary>
    public static ClaimsPrincipal Agent(string id = "agent-1", string name = "Dana Agent", bool secondFactor = true)
    {
        var principal = Of(id, name, Roles.SupportAgent);
        if (secondFactor)
        {
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(PanelClaims.AuthenticationMethod, PanelClaims.MultiFactor));
        }
        return principal;
    }

    /// <summary>The customer's identity with the agent's actor claims: what the agent's browser holds during a session.</summary>
    public static ClaimsPrincipal InSession(string customerId, Guid sessionId, string agentId = "agent-1", string agentName = "Dana Agent")
    {
        var principal = Customer(customerId, "Customer");
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
