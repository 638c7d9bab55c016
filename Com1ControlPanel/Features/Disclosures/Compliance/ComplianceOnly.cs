using System.Security.Claims;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Features.Disclosures.Compliance;

internal static class ComplianceOnly
{
    /// <summary>The signed-in compliance officer, checked on the server whatever the page shows or the circuit sends.</summary>
    public static async Task<(string UserId, string DisplayName)> RequireComplianceOfficerAsync(this CurrentUser currentUser)
    {
        var principal = await currentUser.GetPrincipalAsync();
        return principal.Identity?.IsAuthenticated == true && principal.IsInRole(Roles.ComplianceOfficer)
            && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? (userId, principal.GetDisplayName())
            : throw new UnauthorizedAccessException("Only a compliance officer can record or read disclosures.");
    }
}
