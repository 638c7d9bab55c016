using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Features.Accounts.SignIns;

/// <summary>
/// The Identity sign-in manager, recording every attempt on an existing account (success or failure)
/// whichever way the customer signs in, and refusing every way into a closed account.
/// </summary>
internal sealed class RecordingSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider time)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    // Which kind of sign-in is under way, so the success hook below knows what to record.
    private SignInMethod? attempting;
    private bool passkeyVerifiedUser;
    private string? passkeyUserId;

    /// <summary>A closed account cannot sign in, whichever way it tries (Identity asks this before every sign-in but a recovery code).</summary>
    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        await base.CanSignInAsync(user) && await ClosedAsync(user.Id) is null;

    /// <summary>
    /// A closed account says so only to someone who knows its password: a wrong password gets the usual answer (and counts
    /// towards the lockout), so the page tells nobody else that the address had an account.
    /// </summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        if (await ClosedAsync(user.Id) is not { } closed)
        {
            return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        }
        if (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user))
        {
            return SignInResult.LockedOut;
        }
        if (await UserManager.CheckPasswordAsync(user, password))
        {
            return closed;
        }
        if (UserManager.SupportsUserLockout && lockoutOnFailure)
        {
            await UserManager.AccessFailedAsync(user);
            if (await UserManager.IsLockedOutAsync(user))
            {
                return SignInResult.LockedOut;
            }
        }
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> PasswordSignInAsync(
        ApplicationUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await AttemptAsync(SignInMethod.Password,
            () => base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure));
        // A correct password that still needs a second factor is not a failure: the second step records the outcome.
        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            await RecordAsync(user.Id, SignInMethod.Password, result);
        }
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        if (await RefuseClosedAsync(user, SignInMethod.TwoFactor) is { } closed)
        {
            return closed;
        }
        var result = await AttemptAsync(SignInMethod.TwoFactor,
            () => base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient));
        if (!result.Succeeded && user is not null)
        {
            await RecordAsync(user.Id, SignInMethod.TwoFactor, result);
        }
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        // Identity signs in with a recovery code without asking CanSignInAsync: the closed account is refused here.
        if (await RefuseClosedAsync(user, SignInMethod.RecoveryCode) is { } closed)
        {
            return closed;
        }
        var result = await AttemptAsync(SignInMethod.RecoveryCode, () => base.TwoFactorRecoveryCodeSignInAsync(recoveryCode));
        if (!result.Succeeded && user is not null)
        {
            await RecordAsync(user.Id, SignInMethod.RecoveryCode, result);
        }
        return result;
    }

    // A failed passkey names no account, so only successes are recorded, and a closed account's passkey, which proved it.
    public override Task<SignInResult> PasskeySignInAsync(string credentialJson) =>
        AttemptAsync(SignInMethod.Passkey, async () =>
        {
            var result = await base.PasskeySignInAsync(credentialJson);
            if (!result.Succeeded && result.IsNotAllowed && passkeyUserId is { } userId && await ClosedAsync(userId) is { } closed)
            {
                await RecordAsync(userId, SignInMethod.Passkey, closed);
                return closed;
            }
            return result;
        });

    /// <summary>Notes whether the authenticator verified the user (PIN, fingerprint), which Identity checks but does not return.</summary>
    public override async Task<PasskeyAssertionResult<ApplicationUser>> PerformPasskeyAssertionAsync(string credentialJson)
    {
        var result = await base.PerformPasskeyAssertionAsync(credentialJson);
        // The flags are part of the authenticator data the passkey just signed, so after a successful assertion they can be believed.
        passkeyVerifiedUser = result.Succeeded && PasskeyFlags.UserVerified(credentialJson);
        passkeyUserId = result.Succeeded ? result.User.Id : null;
        return result;
    }

    /// <summary>Every successful sign-in ends here; refreshing an existing cookie does too, but is not attempting one.</summary>
    public override async Task SignInWithClaimsAsync(
        ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        // A code or recovery code after the password is a second factor; so is a passkey whose authenticator verified the
        // user, which proves possession and a PIN or biometric in one step. A passkey without that proves possession only.
        // Saying so in the cookie lets features that need a second factor (support sessions) ask one question.
        var secondFactor = attempting is SignInMethod.TwoFactor or SignInMethod.RecoveryCode
            || attempting is SignInMethod.Passkey && passkeyVerifiedUser;
        if (secondFactor && !additionalClaims.Any(c => c.Type == PanelClaims.AuthenticationMethod && c.Value == PanelClaims.MultiFactor))
        {
            additionalClaims = [.. additionalClaims, new Claim(PanelClaims.AuthenticationMethod, PanelClaims.MultiFactor)];
        }
        // A new sign-in starts its absolute lifetime now; a rebuilt cookie brings the time it started with.
        if (!additionalClaims.Any(c => c.Type == PanelClaims.SignedInAt))
        {
            additionalClaims = [.. additionalClaims, PanelClaims.SignedInAtClaim(time.GetUtcNow())];
        }
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        if (attempting is { } method)
        {
            await RecordAsync(user.Id, method, SignInResult.Success);
        }
    }

    /// <summary>
    /// Rebuilds the cookie after the user changed their own security settings, keeping what the framework's version
    /// drops: a support session's actor claims, every way the user proved who they are, and when they signed in.
    /// </summary>
    public override async Task RefreshSignInAsync(ApplicationUser user)
    {
        var current = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (current.Principal is not { Identity.IsAuthenticated: true } principal || UserManager.GetUserId(principal) != user.Id)
        {
            // Not this user's cookie: the framework refuses (and logs) the refresh.
            await base.RefreshSignInAsync(user);
            return;
        }
        await SignInWithClaimsAsync(user, current.Properties, PanelClaims.CarriedOver(principal));
    }

    private async Task<SignInResult> AttemptAsync(SignInMethod method, Func<Task<SignInResult>> signIn)
    {
        attempting = method;
        try
        {
            return await signIn();
        }
        finally
        {
            attempting = null;
            passkeyVerifiedUser = false;
            passkeyUserId = null;
        }
    }

    /// <summary>The refusal for a closed account, or null when the account is open (or unknown).</summary>
    private async Task<ClosedAccountSignIn?> ClosedAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == userId)
            .Select(c => new { c.Status, c.StatusChangedAt }).SingleOrDefaultAsync();
        return customer is { Status: AccountStatus.Closed } ? new ClosedAccountSignIn(customer.StatusChangedAt) : null;
    }

    /// <summary>The second step of a sign-in into an account closed since the first: refused, recorded, and the step's cookie gone.</summary>
    private async Task<SignInResult?> RefuseClosedAsync(ApplicationUser? user, SignInMethod method)
    {
        if (user is null || await ClosedAsync(user.Id) is not { } closed)
        {
            return null;
        }
        await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await RecordAsync(user.Id, method, closed);
        return closed;
    }

    private async Task RecordAsync(string userId, SignInMethod method, SignInResult result)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.SignInRecords.Add(new SignInRecord
        {
            UserId = userId,
            At = time.GetUtcNow().UtcDateTime,
            Succeeded = result.Succeeded,
            Method = method,
            Network = ClientDescription.Network(Context.Connection.RemoteIpAddress),
            Browser = ClientDescription.Browser(Context.Request.Headers.UserAgent),
            Outcome = result switch
            {
                { Succeeded: true } => null,
                ClosedAccountSignIn => "AccountClosed",
                { IsLockedOut: true } => "LockedOut",
                { IsNotAllowed: true } => "NotAllowed",
                _ => "WrongCredentials",
            },
        });
        await db.SaveChangesAsync();
    }
}
