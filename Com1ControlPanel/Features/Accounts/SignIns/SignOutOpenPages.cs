using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Com1ControlPanel.Features.Accounts.SignIns;

/// <summary>
/// Signs an open page out the moment its user's sign-ins are ended (<see cref="SignInRevocations"/>), instead of at the
/// next revalidation up to 30 minutes later: its components see nobody signed in, and a page that needs a sign-in sends
/// the browser to sign in, where the cookie is refused too. Live pages only: a server-rendered request is checked by its
/// cookie on the way in.
/// </summary>
internal sealed class SignOutOpenPages(AuthenticationStateProvider authenticationState, SignInRevocations revocations) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        revocations.Revoked += OnRevoked;
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        revocations.Revoked -= OnRevoked;
        return Task.CompletedTask;
    }

    private void OnRevoked(string userId) => _ = SignOutIfEndedAsync(userId);

    private async Task SignOutIfEndedAsync(string userId)
    {
        ClaimsPrincipal user;
        try
        {
            user = (await authenticationState.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // The page has not been given its user yet: it starts from the cookie, which is refused.
            return;
        }
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) == userId && revocations.HasEnded(user)
            && authenticationState is IHostEnvironmentAuthenticationStateProvider page)
        {
            page.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
    }
}
