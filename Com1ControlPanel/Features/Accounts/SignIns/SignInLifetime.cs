using System.Security.Claims;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Features.Accounts.SignIns;

/// <summary>How long one sign-in may last at most, however active the browser (settings <c>Accounts:SignInLifetime</c>).</summary>
public sealed class SignInLifetimeOptions
{
    public const string Section = "Accounts:SignInLifetime";

    public TimeSpan Customer { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Staff, and support sessions, which are staff acting in a customer's account.</summary>
    public TimeSpan Staff { get; set; } = TimeSpan.FromHours(8);
}

/// <summary>
/// The absolute lifetime of a sign-in, on top of the cookie's sliding expiry: a stolen or forgotten cookie that is kept
/// busy still stops working, and the person signs in again.
/// </summary>
public static class SignInLifetime
{
    public static bool HasRunOut(ClaimsPrincipal principal, SignInLifetimeOptions options, DateTimeOffset now)
    {
        // A cookie that does not say when its sign-in started cannot be bounded, so it is not trusted.
        if (principal.GetSignedInAt() is not { } signedInAt)
        {
            return true;
        }
        // In a support session the agent's limit applies, counted from the agent's own sign-in.
        var limit = principal.IsInRole(Roles.Customer) && !principal.IsSupportSession() ? options.Customer : options.Staff;
        return now - signedInAt >= limit;
    }

    public static IServiceCollection AddSignInLifetime(this IServiceCollection services)
    {
        services.AddOptions<SignInLifetimeOptions>().BindConfiguration(SignInLifetimeOptions.Section);
        // After Identity's own configuration, so the security-stamp check keeps running first.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<IOptions<SignInLifetimeOptions>, TimeProvider>((cookie, lifetime, time) =>
            {
                var validateStamp = cookie.Events.OnValidatePrincipal;
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    await validateStamp(context);
                    if (context.Principal is { } principal && HasRunOut(principal, lifetime.Value, time.GetUtcNow()))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    }
                };
            });
        return services;
    }
}
