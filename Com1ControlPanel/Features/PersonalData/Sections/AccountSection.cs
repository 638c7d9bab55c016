using System.Text.Json;
using Com1ControlPanel.Data;
using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Features.PersonalData.Sections;

/// <summary>The sign-in account: Identity's personal data fields, roles, external sign-ins, passkeys by name and date.</summary>
internal static class AccountSection
{
    // Only what Identity marks as personal data (and the panel's own DisplayName): never the password hash or the stamps.
    private static readonly System.Reflection.PropertyInfo[] PersonalFields =
    [
        .. typeof(ApplicationUser).GetProperties().Where(p => Attribute.IsDefined(p, typeof(PersonalDataAttribute))).OrderBy(p => p.Name),
    ];

    public static async Task<object?> ReadAsync(ExportScope scope, CancellationToken cancellationToken)
    {
        var account = PersonalFields.ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => p.GetValue(scope.User));
        account["lockedOutUntil"] = scope.User.LockoutEnd?.UtcDateTime;
        account["roles"] = await scope.Users.GetRolesAsync(scope.User);
        account["externalSignIns"] = (await scope.Users.GetLoginsAsync(scope.User))
            .Select(login => new { provider = login.ProviderDisplayName ?? login.LoginProvider, login.ProviderKey })
            .ToList();
        // A passkey's public key and credential id mean nothing to its owner and belong to the sign-in itself.
        account["passkeys"] = (await scope.Users.GetPasskeysAsync(scope.User))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new { p.Name, CreatedAt = p.CreatedAt.UtcDateTime })
            .ToList();
        return account;
    }
}
