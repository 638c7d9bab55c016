using System.Globalization;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Features.Profile;

/// <summary>
/// The email address change waiting for its confirmation: one per account, kept with the account's sign-in tokens. A
/// confirmation link works only for the address still waiting, so cancelling a change, or asking for another address,
/// stops the earlier link.
/// </summary>
public sealed class PendingEmailChanges(IServiceScopeFactory scopes, CurrentUser currentUser, ISupportAttempts supportAttempts,
    ILogger<PendingEmailChanges> logger)
{
    private const string Provider = "Com1";
    private const string Name = "PendingEmailChange";

    /// <summary>The signed-in customer's waiting change, or null when none waits.</summary>
    public async Task<PendingEmailChange?> GetAsync()
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.FindByIdAsync(customerId) is { } user ? await ReadAsync(users, user) : null;
    }

    /// <summary>Cancels the signed-in customer's waiting change; only the customer, never support in a session.</summary>
    public async Task<bool> CancelAsync()
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        if (await currentUser.GetActorAsync() is { SupportSessionId: not null } agent)
        {
            await supportAttempts.RecordCustomerOnlyAsync(agent.UserId, customerId, CustomerOnlyActions.CancelEmailChange);
            return false;
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(customerId) is not { } user || await ReadAsync(users, user) is null)
        {
            return false;
        }
        await users.RemoveAuthenticationTokenAsync(user, Provider, Name);
        logger.LogInformation("Email change cancelled by customer {CustomerId}", customerId);
        return true;
    }

    internal static Task RememberAsync(UserManager<ApplicationUser> users, ApplicationUser user, string newEmail, DateTime at) =>
        users.SetAuthenticationTokenAsync(user, Provider, Name, $"{at:O}\n{newEmail}");

    internal static async Task<bool> IsWaitingForAsync(UserManager<ApplicationUser> users, ApplicationUser user, string newEmail) =>
        string.Equals((await ReadAsync(users, user))?.NewEmail, newEmail, StringComparison.OrdinalIgnoreCase);

    internal static Task ForgetAsync(UserManager<ApplicationUser> users, ApplicationUser user) =>
        users.RemoveAuthenticationTokenAsync(user, Provider, Name);

    private static async Task<PendingEmailChange?> ReadAsync(UserManager<ApplicationUser> users, ApplicationUser user) =>
        await users.GetAuthenticationTokenAsync(user, Provider, Name) is { } value && value.Split('\n', 2) is [var at, var email]
            ? new PendingEmailChange(email, DateTime.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))
            : null;
}

/// <summary>The address a change waits for, and when it was asked for (UTC).</summary>
public sealed record PendingEmailChange(string NewEmail, DateTime RequestedAt);
