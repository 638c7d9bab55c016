using System.Security.Claims;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Features.Hostmaster;

/// <summary>The hostmaster behind a queue call, checked on the server for every call.</summary>
internal static class HostmasterStaff
{
    public const string OnlyHostmasters = "Only Com 1 hostmasters can work the hostmaster queue.";

    /// <summary>The signed-in hostmaster as the actor of a step (<see cref="ChangeSource.Hostmaster"/>).</summary>
    public static async Task<Actor> RequireHostmasterAsync(this CurrentUser currentUser)
    {
        var principal = await currentUser.GetPrincipalAsync();
        // Staff accounts are never customers; a support session is a customer's sign-in, whoever is behind it.
        if (principal.Identity?.IsAuthenticated != true || !principal.IsInRole(Roles.Hostmaster) || principal.IsInRole(Roles.Customer)
            || principal.IsSupportSession() || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            throw new UnauthorizedAccessException(OnlyHostmasters);
        }
        return new Actor(userId, principal.GetDisplayName(), ChangeSource.Hostmaster);
    }
}
