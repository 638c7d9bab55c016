using System.Security.Claims;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace Com1ControlPanel.Tests.Support;

/// <summary>An authentication state for services under test: who the server believes is signed in.</summary>
public sealed class SignedIn(ClaimsPrincipal principal) : AuthenticationStateProvider
{
    public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
        Task.FromResult(new AuthenticationState(principal));

    public static ClaimsPrincipal As(string userId, string displayName, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, $"{userId}@example.com"),
             new Claim(PanelClaims.DisplayName, displayName), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            authenticationType: "Test"));

    public static CurrentUser Customer(string userId, string displayName = "Test Customer") =>
        new(new SignedIn(As(userId, displayName, Roles.Customer)));
}
