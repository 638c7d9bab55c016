using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Accounts.SignIns;

namespace Com1ControlPanel.Features.Accounts;

// This is a server-side AuthenticationStateProvider that revalidates the security stamp (and the sign-in's absolute
// lifetime, and whether the user's sign-ins were ended) for the connected user every 30 minutes an interactive circuit is
// connected. SignOutOpenPages signs a page out at once when its user's sign-ins are ended.
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options,
        IOptions<SignInLifetimeOptions> lifetime,
        TimeProvider time,
        SignInRevocations revocations)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // An open page must not outlive the sign-in it was opened with.
        if (SignInLifetime.HasRunOut(authenticationState.User, lifetime.Value, time.GetUtcNow())
            || revocations.HasEnded(authenticationState.User))
        {
            return false;
        }
        // Get the user manager from a new scope to ensure it fetches fresh data
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await ValidateSecurityStampAsync(userManager, authenticationState.User);
    }

    private async Task<bool> ValidateSecurityStampAsync(UserManager<ApplicationUser> userManager, ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null)
        {
            return false;
        }
        else if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }
        else
        {
            var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
            var userStamp = await userManager.GetSecurityStampAsync(user);
            return principalStamp == userStamp;
        }
    }
}
