using System.Security.Claims;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace Com1ControlPanel.Infrastructure.Auditing;

/// <summary>
/// The signed-in user as the server knows it, for services to scope queries and attribute changes.
/// Read from the authentication state (the circuit's in interactive pages, the request's in endpoints),
/// never from anything a page passes in.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationState, ISupportSessionCheck sessions)
{
    public async Task<ClaimsPrincipal> GetPrincipalAsync() =>
        (await authenticationState.GetAuthenticationStateAsync()).User;

    /// <summary>The id of the signed-in customer whose data may be read and changed.</summary>
    public async Task<string> GetCustomerIdAsync()
    {
        var principal = await GetPrincipalAsync();
        if (principal.Identity?.IsAuthenticated != true || !principal.IsInRole(Roles.Customer))
        {
            throw new UnauthorizedAccessException("Only a signed-in customer can do this.");
        }
        var customerId = principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new UnauthorizedAccessException("The sign-in has no user id.");
        await EnsureSupportSessionActiveAsync(principal, customerId);
        return customerId;
    }

    /// <summary>True when Com 1 support is acting in the signed-in customer's account.</summary>
    public async Task<bool> IsSupportSessionAsync() => (await GetPrincipalAsync()).IsSupportSession();

    /// <summary>The id of whoever is signed in, customer or staff.</summary>
    public async Task<string> GetUserIdAsync()
    {
        var principal = await GetPrincipalAsync();
        var userId = principal.Identity?.IsAuthenticated == true
            ? principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new UnauthorizedAccessException("The sign-in has no user id.")
            : throw new UnauthorizedAccessException("Nobody is signed in.");
        await EnsureSupportSessionActiveAsync(principal, userId);
        return userId;
    }

    /// <summary>
    /// Who is really acting: the member of staff behind a support session (never the customer whose account it is),
    /// otherwise the signed-in person themselves.
    /// </summary>
    public async Task<Actor> GetActorAsync()
    {
        var principal = await GetPrincipalAsync();
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new UnauthorizedAccessException("Nobody is signed in.");
        if (principal.SupportSessionId() is { } sessionId)
        {
            await EnsureSupportSessionActiveAsync(principal, userId);
            return new Actor(principal.FindFirstValue(SupportClaims.ActorId)!, principal.FindFirstValue(SupportClaims.ActorName) ?? "Com 1 support",
                ChangeSource.SupportOnBehalf) { SupportSessionId = sessionId };
        }
        return new Actor(userId, principal.GetDisplayName(), ChangeSource.Customer);
    }

    private async Task EnsureSupportSessionActiveAsync(ClaimsPrincipal principal, string customerId)
    {
        if (principal.SupportSessionId() is { } sessionId && !await sessions.IsActiveAsync(sessionId, customerId))
        {
            throw new SupportSessionEndedException();
        }
    }
}
