using Com1ControlPanel.Data;
using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>Sign-in identities made through the app's own UserManager, so they sign in, lock out and change as real ones do.</summary>
public static class Identities
{
    public const string Password = "a long and memorable passphrase";

    /// <summary>A unique address, recognisable by who it is for: "olive-1f2e3d4c@example.com".</summary>
    public static string NewEmail(string who, string domain = "example.com")
    {
        var name = new string([.. who.ToLowerInvariant().TakeWhile(char.IsAsciiLetterOrDigit)]);
        return $"{(name.Length > 0 ? name : "someone")}-{Guid.NewGuid():N}"[..^24] + $"@{domain}";
    }

    /// <summary>Creates <paramref name="user"/> with the test password in <paramref name="role"/>, creating the role if it is new.</summary>
    internal static async Task CreateAsync(IServiceProvider scope, ApplicationUser user, string role)
    {
        var roles = scope.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(role))
        {
            Check(await roles.CreateAsync(new IdentityRole(role)));
        }
        var users = scope.GetRequiredService<UserManager<ApplicationUser>>();
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
    }

    /// <summary>Sets up an authenticator app for <paramref name="user"/>: two-factor sign-in from now on. Returns its setup key.</summary>
    internal static async Task<string> AddAuthenticatorAsync(IServiceProvider scope, ApplicationUser user)
    {
        var users = scope.GetRequiredService<UserManager<ApplicationUser>>();
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>The code an authenticator app set up with <paramref name="key"/> shows now.</summary>
    public static string CodeFor(string? key) =>
        Totp.Code(key ?? throw new InvalidOperationException("No authenticator app was set up."), DateTimeOffset.UtcNow);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
