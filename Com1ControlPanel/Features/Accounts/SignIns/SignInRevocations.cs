using System.Collections.Concurrent;
using System.Security.Claims;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Features.Accounts.SignIns;

/// <summary>
/// Sign-ins that must end now rather than at the next security-stamp check, up to 30 minutes later: closing an account
/// ends every browser's sign-in at its next request and every open page at once (<see cref="SignOutOpenPages"/>). It knows
/// this app instance only; the new security stamp ends the sign-ins other instances serve at their next check. A support
/// session in the account is not ended here but by its own check, which gives the agent's browser back to the agent.
/// </summary>
public sealed class SignInRevocations(TimeProvider time, IOptions<SignInLifetimeOptions> lifetime)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> revoked = new(StringComparer.Ordinal);

    /// <summary>Raised with the user's id once their sign-ins have ended; open pages of that user sign out.</summary>
    public event Action<string>? Revoked;

    /// <summary>Ends every sign-in of <paramref name="userId"/> that started before now.</summary>
    public void Revoke(string userId)
    {
        var now = time.GetUtcNow();
        revoked[userId] = now;
        // A sign-in older than the longest lifetime has run out anyway (SignInLifetime): nothing to remember it for.
        var longest = lifetime.Value.Customer > lifetime.Value.Staff ? lifetime.Value.Customer : lifetime.Value.Staff;
        foreach (var (user, at) in revoked.Where(r => r.Value < now - longest))
        {
            revoked.TryRemove(KeyValuePair.Create(user, at));
        }
        Revoked?.Invoke(userId);
    }

    /// <summary>True when <paramref name="principal"/>'s sign-in started before its user's sign-ins were ended.</summary>
    public bool HasEnded(ClaimsPrincipal principal)
    {
        if (revoked.IsEmpty || principal.IsSupportSession()
            || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId || !revoked.TryGetValue(userId, out var at))
        {
            return false;
        }
        // The sign-in time is kept to the second: one that started in the second of the revocation ends too.
        return principal.GetSignedInAt() is not { } signedInAt || signedInAt <= at;
    }

}

public static class SignInRevocationsSetup
{
    /// <summary>The sign-in cookie is refused, and removed, once its sign-in was ended.</summary>
    public static IServiceCollection AddSignInRevocations(this IServiceCollection services)
    {
        services.AddSingleton<SignInRevocations>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, SignOutOpenPages>());
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<SignInRevocations>((cookie, revocations) =>
            {
                var earlier = cookie.Events.OnValidatePrincipal;
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    await earlier(context);
                    if (context.Principal is { } principal && revocations.HasEnded(principal))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    }
                };
            });
        return services;
    }
}
