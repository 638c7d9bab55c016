using System.Security.Claims;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Features.BillingDesk;

/// <summary>The member of billing staff behind a billing desk call, checked on the server for every call.</summary>
internal static class BillingStaff
{
    public const string OnlyBilling = "Only Com 1 billing staff can use the billing desk.";

    public const string AccountClosed =
        "This account is closed. Its details stay as they were at closing until they are removed, and nothing is sent to it.";

    /// <summary>
    /// The signed-in member of billing staff as the actor of a change: <see cref="ChangeSource.BillingOnBehalf"/> for
    /// what the customer asked for, <see cref="ChangeSource.Billing"/> for what billing decides (the account status).
    /// </summary>
    public static async Task<Actor> RequireBillingAsync(this CurrentUser currentUser, ChangeSource source = ChangeSource.BillingOnBehalf)
    {
        var principal = await currentUser.GetPrincipalAsync();
        // Staff accounts are never customers; a support session is a customer's sign-in, whoever is behind it.
        if (principal.Identity?.IsAuthenticated != true || !principal.IsInRole(Roles.Billing) || principal.IsInRole(Roles.Customer)
            || principal.IsSupportSession() || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } staffUserId)
        {
            throw new UnauthorizedAccessException(OnlyBilling);
        }
        return new Actor(staffUserId, principal.GetDisplayName(), source);
    }
}
