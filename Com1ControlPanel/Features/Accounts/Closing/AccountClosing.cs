using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Accounts.SignIns;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Features.Accounts.Closing;

/// <summary>
/// Closes an account, whoever asks (the customer on the closing page, or billing for a customer who phoned): the status
/// with its history row and the closure, every marketing choice withdrawn in the consent records, a new security stamp
/// and the Essential email are saved in one transaction; then every sign-in of the account ends at once and its open
/// pages notice. Nothing is removed yet: that is the retention job's, after <see cref="RetentionOptions.ClosedAccountDays"/>.
/// </summary>
public sealed class AccountClosing(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    UserManager<ApplicationUser> userManager,
    CustomerChanges customerChanges,
    ConsentLedger consent,
    Outbox outbox,
    SignInRevocations revocations,
    AccountStatusEvents statusEvents,
    IOptions<BillingContact> billing,
    IOptions<RetentionOptions> retention,
    ILogger<AccountClosing> logger)
{
    /// <summary>
    /// The signed-in customer closes their own account, proving it is them with their password and, with two-factor
    /// sign-in on, a code of their authenticator app. A wrong password or code changes nothing but the count of wrong
    /// tries that locks the account for a while, as at sign-in.
    /// </summary>
    public async Task<AccountClosingResult> CloseOwnAsync(CloseAccountForm form, CancellationToken cancellationToken = default)
    {
        // Closing stays with the customer: support in a session is refused before anything is looked at (the session guard
        // refuses the page and its post as well).
        if (await currentUser.IsSupportSessionAsync())
        {
            throw new UnauthorizedAccessException("Closing the account stays with the customer.");
        }
        var customerId = await currentUser.GetCustomerIdAsync();
        if (!form.Confirmed)
        {
            return Invalid(nameof(form.Confirmed), "Tick the box to confirm that you want to close your account now.");
        }
        var user = await userManager.FindByIdAsync(customerId) ?? throw new UnauthorizedAccessException("The account is gone.");
        if (await userManager.IsLockedOutAsync(user))
        {
            return Invalid(nameof(form.Password), "Too many wrong tries. Wait a few minutes, then try again.");
        }
        if (string.IsNullOrEmpty(form.Password) || !await userManager.CheckPasswordAsync(user, form.Password))
        {
            await userManager.AccessFailedAsync(user);
            logger.LogWarning("Closing the account of customer {CustomerId} was refused: wrong password", customerId);
            return Invalid(nameof(form.Password), "That password is not correct.");
        }
        if (user.TwoFactorEnabled)
        {
            if (form.CleanCode.Length == 0)
            {
                return Invalid(nameof(form.Code), "Enter the code your authenticator app shows now.");
            }
            if (!await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, form.CleanCode))
            {
                await userManager.AccessFailedAsync(user);
                logger.LogWarning("Closing the account of customer {CustomerId} was refused: wrong code", customerId);
                return Invalid(nameof(form.Code), "That code is not right. Enter the code your app shows now; it changes every 30 seconds.");
            }
        }
        return await CloseAsync(customerId, reason: null, cancellationToken);
    }

    /// <summary>
    /// Closes the account of <paramref name="customerId"/> for whoever is signed in: the customer themselves, or billing
    /// on their behalf with <paramref name="reason"/> (how they asked), which the customer reads in the email and their
    /// history. Anyone else is refused before anything is read, whoever the caller is.
    /// </summary>
    public async Task<AccountClosingResult> CloseAsync(string customerId, ChangeReason? reason, CancellationToken cancellationToken = default)
    {
        var actor = await ClosingActorAsync(customerId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await (from c in db.Customers
                           join u in db.Users on c.Id equals u.Id
                           where c.Id == customerId
                           select new { c.Status, c.FullName, c.CustomerNumber, u.Email }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return new AccountClosingResult.NotFound();
        }
        if (found.Status == AccountStatus.Closed)
        {
            return new AccountClosingResult.Refused("This account is already closed.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await customerChanges.CloseAsync(db, customerId, actor, reason, cancellationToken);
        if (result is not CustomerChangeResult.Changed changed)
        {
            return new AccountClosingResult.Refused(result is CustomerChangeResult.Unchanged
                ? "This account is already closed."
                : "The account changed while you were working on it. Look at it again and retry.");
        }
        var closedAt = changed.Customer.StatusChangedAt!.Value;
        await consent.WithdrawAllAsync(db, customerId, actor, cancellationToken);
        // A new stamp ends every sign-in of the account at its next check on any instance of the panel; the revocation
        // below ends them on this one at once.
        var user = await db.Users.SingleAsync(u => u.Id == customerId, cancellationToken);
        user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        outbox.Add(db, ClosingTerms.Mail(customerId, found.Email!, found.FullName, found.CustomerNumber, closedAt, actor, reason,
            billing.Value, retention.Value.ClosedAccountDays));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        outbox.NotifySaved();
        consent.Announce(customerId);
        statusEvents.Announce(customerId);
        revocations.Revoke(customerId);
        logger.LogInformation("Account of customer {CustomerId} closed by {ActorId} ({Source})", customerId, actor.UserId, actor.Source);
        return new AccountClosingResult.Closed(closedAt);
    }

    /// <summary>
    /// Who closes: billing staff on the customer's behalf, or the signed-in customer for their own account. Support in a
    /// session, other staff and other customers are refused.
    /// </summary>
    private async Task<Actor> ClosingActorAsync(string customerId)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (principal.IsSupportSession())
        {
            throw new UnauthorizedAccessException("Closing the account stays with the customer.");
        }
        // Staff accounts are never customers.
        if (principal.IsInRole(Roles.Billing) && !principal.IsInRole(Roles.Customer)
            && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } staffUserId)
        {
            return new Actor(staffUserId, principal.GetDisplayName(), ChangeSource.BillingOnBehalf);
        }
        return await currentUser.GetCustomerIdAsync() == customerId
            ? await currentUser.GetActorAsync()
            : throw new UnauthorizedAccessException("A customer can close only their own account.");
    }

    private static AccountClosingResult.Invalid Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
