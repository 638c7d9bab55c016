using System.Globalization;
using System.Security.Claims;
using Com1ControlPanel.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Infrastructure.Security;

/// <summary>Claims the panel adds to the sign-in cookie.</summary>
public static class PanelClaims
{
    public const string DisplayName = "com1:display_name";

    /// <summary>How the user proved who they are ("amr", RFC 8176); "mfa" when a second factor or a passkey was used.</summary>
    public const string AuthenticationMethod = "amr";
    public const string MultiFactor = "mfa";

    /// <summary>
    /// When the person proved who they are ("auth_time", as in OpenID Connect; Unix seconds). It never slides: it
    /// bounds how long one sign-in lasts however active the browser is.
    /// </summary>
    public const string SignedInAt = "auth_time";

    /// <summary>
    /// Claims that say how and when the browser signed in, and whose support session it is: kept whenever the cookie's
    /// principal is rebuilt (security-stamp revalidation, refreshing the sign-in after a password change).
    /// </summary>
    public static IReadOnlyList<Claim> CarriedOver(ClaimsPrincipal? principal) =>
        principal?.Claims
            .Where(c => SupportClaims.All.Contains(c.Type) || c.Type is AuthenticationMethod or SignedInAt)
            .Select(c => new Claim(c.Type, c.Value))
            .ToList() ?? [];

    public static Claim SignedInAtClaim(DateTimeOffset at) => new(SignedInAt, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

    public static DateTimeOffset? GetSignedInAt(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(SignedInAt), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static bool SignedInWithSecondFactor(this ClaimsPrincipal principal) =>
        principal.HasClaim(AuthenticationMethod, MultiFactor);

    public static string GetDisplayName(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(DisplayName) ?? principal.Identity?.Name ?? "";
}

/// <summary>Puts the display name into the cookie so layouts and audit trails need no database read.</summary>
internal sealed class PanelClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PanelClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
