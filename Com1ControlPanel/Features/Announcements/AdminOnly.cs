using System.Security.Claims;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Features.Announcements;

internal static class AdminOnly
{
    /// <summary>The signed-in administrator, checked on the server whatever the page shows or the circuit sends.</summary>
    public static async Task<(string UserId, string DisplayName)> RequireAdminAsync(this CurrentUser currentUser, string what)
    {
        var principal = await currentUser.GetPrincipalAsync();
        return principal.Identity?.IsAuthenticated == true && principal.IsInRole(Roles.Admin)
            && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? (userId, principal.GetDisplayName())
            : throw new UnauthorizedAccessException($"Only an administrator can {what}.");
    }
}
