using System.ComponentModel.DataAnnotations;
using System.Text;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Hosting;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Profile;

/// <summary>
/// Changing the sign-in email address: proven by the password, confirmed from the new mailbox,
/// announced to the old one, and recorded in the profile history once confirmed, in the same transaction.
/// </summary>
public sealed class EmailChangeService(
    IServiceScopeFactory scopes,
    CurrentUser currentUser,
    Outbox outbox,
    PanelLinks links,
    ISupportAttempts supportAttempts,
    TimeProvider time,
    ILogger<EmailChangeService> logger)
{
    public const int MaxEmailLength = 256;

    public const string OnlyTheCustomer = "Only the customer can change the email address; Com 1 support cannot do it in a session.";

    public async Task<EmailChangeResult> RequestAsync(string? newEmail, string? password)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        // The sign-in address is how the account is recovered: only its owner may change it, never support in a session.
        if (await currentUser.GetActorAsync() is { SupportSessionId: not null } agent)
        {
            await supportAttempts.RecordCustomerOnlyAsync(agent.UserId, customerId, CustomerOnlyActions.ChangeEmail);
            return EmailChangeResult.Invalid(nameof(newEmail), OnlyTheCustomer);
        }
        newEmail = newEmail?.Trim() ?? "";
        if (newEmail.Length == 0 || newEmail.Length > MaxEmailLength || !new EmailAddressAttribute().IsValid(newEmail))
        {
            return EmailChangeResult.Invalid(nameof(newEmail), "Enter a valid email address.");
        }
        if (string.IsNullOrEmpty(password))
        {
            return EmailChangeResult.Invalid(nameof(password), "Enter your current password to confirm it's you.");
        }

        // A fresh scope: the circuit's own UserManager would keep a context alive for as long as the page is open.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(customerId) ?? throw new UnauthorizedAccessException("The account no longer exists.");
        if (string.Equals(user.Email, newEmail, StringComparison.OrdinalIgnoreCase))
        {
            return EmailChangeResult.Invalid(nameof(newEmail), "This is already your email address.");
        }
        if (await users.IsLockedOutAsync(user))
        {
            return EmailChangeResult.Invalid(nameof(password), "Too many wrong passwords. Try again in a few minutes.");
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            // Wrong passwords here count towards the lockout, as they do on the sign-in page.
            await users.AccessFailedAsync(user);
            return EmailChangeResult.Invalid(nameof(password), "The password is not correct.");
        }
        await users.ResetAccessFailedCountAsync(user);

        await SendLinkAsync(users, user, newEmail,
            ["You asked to use this address for your Com 1 Control Panel account.",
             "Confirm it with the link below. Until you do, we keep using your current address."],
            $"Someone signed in to your Com 1 Control Panel account asked to change its email address to {Mask(newEmail)}.");
        logger.LogInformation("Email change requested for customer {CustomerId}", customerId);
        return EmailChangeResult.Sent(newEmail);
    }

    /// <summary>
    /// Com 1 billing asks, for a customer who contacted them, to change the customer's address: the same link goes to the
    /// new address and the same notice to the current one, and nothing changes until the customer opens the link.
    /// No password: billing never knows it; the mailbox proves the new address.
    /// </summary>
    /// <param name="howAsked">How the customer asked (a phone call, a letter), for the emails.</param>
    public async Task<EmailChangeResult> RequestOnBehalfAsync(string customerId, string? newEmail, string howAsked)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (!principal.IsInRole(Roles.Billing) || principal.IsSupportSession())
        {
            throw new UnauthorizedAccessException("Only Com 1 billing asks for an email change on a customer's behalf.");
        }
        var staff = await currentUser.GetActorAsync();
        newEmail = newEmail?.Trim() ?? "";
        if (newEmail.Length == 0 || newEmail.Length > MaxEmailLength || !new EmailAddressAttribute().IsValid(newEmail))
        {
            return EmailChangeResult.Invalid(nameof(newEmail), "Enter a valid email address.");
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        // Customers only: a member of staff's address is never changed from the billing desk.
        if (await users.FindByIdAsync(customerId) is not { } user || !await users.IsInRoleAsync(user, Roles.Customer))
        {
            throw new UnauthorizedAccessException("There is no such customer.");
        }
        if (string.Equals(user.Email, newEmail, StringComparison.OrdinalIgnoreCase))
        {
            return EmailChangeResult.Invalid(nameof(newEmail), "This is already the customer's email address.");
        }
        await SendLinkAsync(users, user, newEmail,
            [$"Com 1 billing ({staff.DisplayName}) asked, on your behalf ({howAsked.ToLowerInvariant()}), to use this address for your Com 1 Control Panel account.",
             "Confirm it with the link below. Until you do, we keep using your current address. If you did not ask for this, ignore this email."],
            $"Com 1 billing ({staff.DisplayName}) asked, on your behalf, to change your account's email address to {Mask(newEmail)}.");
        logger.LogInformation("Email change for customer {CustomerId} requested by billing staff {StaffUserId}", customerId, staff.UserId);
        return EmailChangeResult.Sent(newEmail);
    }

    // The link goes to the new address only; the current address hears that a change was asked for, and to which
    // address, masked.
    private async Task SendLinkAsync(UserManager<ApplicationUser> users, ApplicationUser user, string newEmail,
        IReadOnlyList<string> toNewAddress, string toCurrentAddress)
    {
        // The newest request is the one that waits: the link of an earlier one stops working.
        await PendingEmailChanges.RememberAsync(users, user, newEmail, time.GetUtcNow().UtcDateTime);
        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = links.To("Account/ConfirmEmailChange", ("userId", user.Id), ("email", newEmail), ("code", code));

        await outbox.EnqueueAsync(new OutboundEmail(user.Id, newEmail, "Confirm your new email address",
            EmailTemplate.Compose(user.DisplayName, toNewAddress, new("Confirm my new email address", link)),
            MessageCategory.Essential,
            $"We sent a confirmation link to {newEmail}. For your security, the link is only in the email itself.",
            ContainsSecret: true));
        await outbox.EnqueueAsync(new OutboundEmail(user.Id, user.Email!, "Your email address is being changed",
            EmailTemplate.Compose(user.DisplayName,
                [toCurrentAddress,
                 "If this was you, confirm the change from the new mailbox. If it was not, change your password now and contact Com 1 support: nothing changes until the new address is confirmed."]),
            MessageCategory.Essential,
            $"We told your current address that a change to {Mask(newEmail)} was requested."));
    }

    /// <summary>
    /// Completes a change from the link in the confirmation email. The new address, the user name and the history row are
    /// one transaction: if the history cannot be written, the address stays as it was.
    /// </summary>
    public async Task<IdentityResult> ConfirmAsync(string userId, string newEmail, string token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        // The context Identity saves through, so the history row joins the same transaction.
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "UnknownUser", Description = "The link is not valid." });
        }
        if (!await PendingEmailChanges.IsWaitingForAsync(users, user, newEmail))
        {
            return IdentityResult.Failed(new IdentityError { Code = "NotWaiting", Description = "The change was cancelled or replaced." });
        }
        var oldEmail = user.Email;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.ChangeEmailAsync(user, newEmail, token);
        if (!result.Succeeded)
        {
            return result;
        }
        // The address is the user name too, so the customer signs in with the new one from now on.
        result = await users.SetUserNameAsync(user, newEmail);
        if (!result.Succeeded)
        {
            return result;
        }
        if (await db.Customers.AnyAsync(c => c.Id == user.Id))
        {
            var changes = scope.ServiceProvider.GetRequiredService<CustomerChanges>();
            var recorded = await changes.RecordEmailChangeAsync(db, user.Id, new Actor(user.Id, user.DisplayName, ChangeSource.Customer),
                oldEmail, newEmail);
            if (recorded is CustomerChangeResult.Conflict)
            {
                return IdentityResult.Failed(new IdentityError { Code = "ConcurrencyFailure", Description = "Try the link again." });
            }
        }
        await PendingEmailChanges.ForgetAsync(users, user);
        await transaction.CommitAsync();
        return result;
    }

    /// <summary>j***@example.com: enough for the owner to recognise, not enough to harvest.</summary>
    public static string Mask(string email)
    {
        var at = email.IndexOf('@');
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }
}

public sealed record EmailChangeResult(bool Succeeded, string? Field, string? Error, string? NewEmail)
{
    public static EmailChangeResult Sent(string newEmail) => new(true, null, null, newEmail);
    public static EmailChangeResult Invalid(string field, string error) => new(false, field, error, null);
}
