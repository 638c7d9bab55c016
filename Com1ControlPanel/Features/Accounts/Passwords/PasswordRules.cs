using Com1ControlPanel.Data;
using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Features.Accounts.Passwords;

/// <summary>
/// Refuses the passwords tried first when an account is attacked: the most common ones, and the account's own email
/// address or name. Identity asks it wherever a password is chosen: registration, change, reset and setting one.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<ApplicationUser>
{
    public const string CommonCode = "PasswordIsCommon";
    public const string PersonalCode = "PasswordIsPersonal";

    public const string CommonMessage =
        "This is one of the most commonly used passwords, so it is among the first anyone would try. Choose another.";

    public const string PersonalMessage = "Choose a password that is not your email address or name.";

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        // An empty password is the length rule's to refuse.
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        if (CommonPasswords.Contains(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = CommonCode, Description = CommonMessage }));
        }
        if (IsPersonal(user, password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = PersonalCode, Description = PersonalMessage }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    private static bool IsPersonal(ApplicationUser user, string password)
    {
        var typed = Compact(password);
        string?[] own = [user.Email, user.UserName, user.Email?.Split('@')[0], user.DisplayName];
        return own.Any(value => !string.IsNullOrWhiteSpace(value) && Compact(value) == typed);
    }

    // "Ada Lovelace" and "adalovelace" are the same guess.
    private static string Compact(string value) => string.Concat(value.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
