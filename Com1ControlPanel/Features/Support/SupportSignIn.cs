using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Features.Support;

/// <summary>
/// Switches the browser's sign-in to the customer's account for a support session: the customer's cookie with the
/// agent's actor claims and the session's one-time hand-back key added. <see cref="SupportHandBack"/> switches it back.
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
            new(SupportClaims.HandBackId, session.HandBackId.ToString()),
            // The agent's proof and sign-in time stay with the session: its limits are the agent's, not the customer's.
            .. http.User.FindAll(PanelClaims.AuthenticationMethod).Select(c => new Claim(c.Type, c.Value)),
            PanelClaims.SignedInAtClaim(new DateTimeOffset(session.AgentSignedInAt, TimeSpan.Zero)),
        ];
        await services.GetRequiredService<SignInManager<ApplicationUser>>()
            .SignInWithClaimsAsync(customer, new AuthenticationProperties { IsPersistent = false }, claims);
    }
}
