using System.Security.Claims;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

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
        User(As(userId, displayName, Roles.Customer));

    /// <summary>
    /// The server's view of <paramref name="principal"/>. Support sessions are checked against
    /// <paramref name="database"/> when given; without one, a principal carrying a session claim fails loudly.
    /// </summary>
    public static CurrentUser User(ClaimsPrincipal principal, TestDatabase? database = null, TimeProvider? time = null) =>
        new(new SignedIn(principal), new SupportSessionCheck((IDbContextFactory<AppDbContext>?)database ?? NoDatabase.Instance, time ?? TimeProvider.System));

    private sealed class NoDatabase : IDbContextFactory<AppDbContext>
    {
        public static readonly NoDatabase Instance = new();

        public AppDbContext CreateDbContext() =>
            throw new InvalidOperationException("This test has no database to check support sessions against.");
    }
}
