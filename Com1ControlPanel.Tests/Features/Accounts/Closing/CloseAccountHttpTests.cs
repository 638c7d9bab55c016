using System.Net;
using System.Text.Json;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Accounts.Closing;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Features.Customers;
using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Tests.Features.Accounts.Closing;

/// <summary>
/// A customer closes their own account on the closing page, as a browser without scripts does it: the password (and the
/// code with two-factor sign-in) and the confirmation, or nothing happens; then every sign-in ends and the account cannot
/// sign in again, which the sign-in page says plainly. Each test closes a customer of its own.
/// </summary>
public sealed class CloseAccountHttpTests(PanelApp app) : IClassFixture<PanelApp>
{
    private async Task<(TestCustomer Customer, HttpClient Browser)> SignedInAsync(string name, bool authenticator = false)
    {
        var customer = await app.Customers.NewAsync(name, authenticator: authenticator);
        var browser = app.Client();
        using var password = await browser.SignInAsync(customer.Email);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        if (authenticator)
        {
            using var code = await browser.SubmitFormAsync("/Account/LoginWith2fa", "login-with-2fa",
                new Dictionary<string, string> { ["Input.TwoFactorCode"] = customer.Code() });
            Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        }
        return (customer, browser);
    }

    private static async Task<bool> SignedInAsync(HttpClient browser)
    {
        using var response = await browser.GetAsync("/profile");
        return response.StatusCode == HttpStatusCode.OK;
    }

    [Fact]
    public async Task The_page_lists_what_ends_and_what_Com1_keeps_for_how_long_and_is_in_the_security_menu()
    {
        var (_, browser) = await SignedInAsync("Lena List");

        var page = await browser.GetStringAsync(ClosingSteps.Page);

        Assert.Contains("Marketing stops at once", page);
        Assert.Contains("can no longer sign in", page);
        Assert.Contains("consent records: 6 years after closing", page);
        Assert.Contains("Billing records, for as long as tax and accounting law requires", page);
        Assert.Contains("removed 30 days after closing", page);
        Assert.Contains("href=\"Account/Manage/CloseAccount\"", await browser.GetStringAsync("/Account/Manage"));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_at_the_field_and_changes_nothing()
    {
        var (customer, browser) = await SignedInAsync("Wanda Wrong");
        var before = await app.AccountStateAsync(customer.Id);

        using var response = await browser.CloseAccountAsync("not my password at all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That password is not correct.", await response.Content.ReadAsStringAsync());
        var after = await app.AccountStateAsync(customer.Id);
        Assert.Equal((AccountStatus.Active, (AccountClosure?)null, before.SecurityStamp, before.GrantedConsents, 0),
            (after.Status, after.Closure, after.SecurityStamp, after.GrantedConsents, after.ClosingMails));
        Assert.True(before.GrantedConsents > 0);
        Assert.Empty(after.StatusHistory);
        Assert.True(await SignedInAsync(browser));
    }

    [Fact]
    public async Task Without_the_confirmation_nothing_changes_even_with_the_right_password()
    {
        var (customer, browser) = await SignedInAsync("Una Unsure");

        using var response = await browser.CloseAccountAsync(customer.Password, confirmed: false);

        Assert.Contains("Tick the box to confirm", await response.Content.ReadAsStringAsync());
        Assert.Equal(AccountStatus.Active, (await app.AccountStateAsync(customer.Id)).Status);
    }

    [Fact]
    public async Task The_right_password_closes_the_account_ends_marketing_signs_out_and_emails_a_confirmation()
    {
        var (customer, browser) = await SignedInAsync("Clara Close");
        var before = await app.AccountStateAsync(customer.Id);
        var startedAt = DateTime.UtcNow.AddSeconds(-1);

        using var response = await browser.CloseAccountAsync(customer.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Closed", PathOf(response));
        var after = await app.AccountStateAsync(customer.Id);
        Assert.Equal(AccountStatus.Closed, after.Status);
        Assert.True(after.ClosedBy(customer.Id, ChangeSource.Customer));
        Assert.Equal(("Active", "Closed", (string?)null), (after.ClosingRow!.OldValue, after.ClosingRow.NewValue, after.ClosingRow.Reason));
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        Assert.Equal(0, after.GrantedConsents);
        var withdrawals = await app.WithdrawalsAsync(customer.Id, startedAt);
        Assert.Equal(before.GrantedConsents, withdrawals.Count);
        Assert.All(withdrawals, r => Assert.Equal((customer.Id, ChangeSource.Customer), (r.ActorUserId, r.Source)));
        await using (var db = app.CreateDbContext())
        {
            var mail = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.RecipientUserId == customer.Id && m.Subject == ClosingSteps.MailSubject);
            Assert.Equal((customer.Email, MessageCategory.Essential), (mail.ToAddress, mail.Category));
        }
        var delivered = await app.Mailbox.WaitForAsync(customer.Email, ClosingSteps.MailSubject);
        Assert.Contains("You closed your Com 1 account", delivered.TextBody);
        Assert.Contains("6 years after closing", delivered.TextBody);
        Assert.False(await SignedInAsync(browser));
    }

    [Fact]
    public async Task Every_other_browser_signed_in_to_the_account_is_signed_out_at_its_next_request()
    {
        var (customer, browser) = await SignedInAsync("Olga Other");
        var other = app.Client();
        using (await other.SignInAsync(customer.Email)) { }
        Assert.True(await SignedInAsync(other));

        using (await browser.CloseAccountAsync(customer.Password)) { }

        using var response = await other.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", PathOf(response));
    }

    [Fact]
    public async Task A_closed_account_signing_in_with_its_password_is_told_when_it_closed_and_gets_no_sign_in_cookie()
    {
        var (customer, browser) = await SignedInAsync("Sina Signin");
        using (await browser.CloseAccountAsync(customer.Password)) { }
        var closedAt = (await app.AccountStateAsync(customer.Id)).Closure!.ClosedAt;

        var fresh = app.Client();
        using var response = await fresh.SignInAsync(customer.Email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(SupportSteps.SignsIn(response));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains($"This account was closed on {ClosingTermsDay(closedAt)}, so it can no longer sign in.", page);
        Assert.DoesNotContain("/Account/Lockout", response.Headers.Location?.OriginalString ?? "");
        Assert.False(await SignedInAsync(fresh));
    }

    [Fact]
    public async Task A_wrong_password_for_a_closed_account_gets_the_usual_answer_and_tells_nothing()
    {
        var (customer, browser) = await SignedInAsync("Nora Nosy");
        using (await browser.CloseAccountAsync(customer.Password)) { }

        using var response = await app.Client().SignInAsync(customer.Email, "a guess that is not the password");

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("The email address or password is not correct.", page);
        Assert.DoesNotContain("was closed", page);
    }

    [Fact]
    public async Task With_two_factor_sign_in_the_code_is_needed_too_and_a_wrong_one_changes_nothing()
    {
        var (customer, browser) = await SignedInAsync("Tia Twofactor", authenticator: true);
        var before = await app.AccountStateAsync(customer.Id);

        using (var noCode = await browser.CloseAccountAsync(customer.Password))
        {
            Assert.Contains("Enter the code your authenticator app shows now.", await noCode.Content.ReadAsStringAsync());
        }
        using (var wrongCode = await browser.CloseAccountAsync(customer.Password, code: "000000"))
        {
            Assert.Contains("That code is not right.", await wrongCode.Content.ReadAsStringAsync());
        }
        var unchanged = await app.AccountStateAsync(customer.Id);
        Assert.Equal((AccountStatus.Active, before.SecurityStamp, 0), (unchanged.Status, unchanged.SecurityStamp, unchanged.ClosingMails));

        using var closed = await browser.CloseAccountAsync(customer.Password, code: customer.Code());
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(AccountStatus.Closed, (await app.AccountStateAsync(customer.Id)).Status);

        // The password step of a closed account with two-factor sign-in says it is closed, and never asks for the code.
        using var again = await app.Client().SignInAsync(customer.Email);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("so it can no longer sign in", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_closed_accounts_passkey_is_told_the_account_is_closed_and_gets_no_sign_in_cookie()
    {
        const string origin = "https://localhost";
        var (customer, browser) = await SignedInAsync("Pia Passkey");
        using var passkey = new SoftPasskey();
        using (var scope = app.As(Principals.Visitor))
        {
            var users = scope.Get<UserManager<ApplicationUser>>();
            Assert.True((await users.AddOrUpdatePasskeyAsync((await users.FindByIdAsync(customer.Id))!, passkey.ToStored())).Succeeded);
        }
        using (await browser.CloseAccountAsync(customer.Password)) { }

        var fresh = app.Client();
        fresh.DefaultRequestHeaders.Add("Origin", origin);
        using var response = await fresh.SubmitFormAsync("/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Passkey.CredentialJson"] = passkey.Assert(await ChallengeAsync(fresh), origin, customer.Id, userVerified: true),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(SupportSteps.SignsIn(response));
        Assert.Contains("This account was closed on", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_account_closed_between_the_password_and_the_code_is_refused_at_the_code(bool recoveryCode)
    {
        var customer = await app.Customers.NewAsync("Cleo Between", authenticator: true);
        string[] codes;
        using (var scope = app.As(Principals.Visitor))
        {
            var users = scope.Get<UserManager<ApplicationUser>>();
            codes = [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(customer.Id))!, 1))!];
        }
        var browser = app.Client();
        using (var password = await browser.SignInAsync(customer.Email))
        {
            Assert.Contains("/Account/LoginWith2fa", password.Headers.Location?.OriginalString);
        }
        using (var scope = app.As(customer.Principal))
        {
            Assert.IsType<AccountClosingResult.Closed>(await scope.Get<AccountClosing>()
                .CloseAsync(customer.Id, reason: null));
        }

        using var response = recoveryCode
            ? await browser.SubmitFormAsync("/Account/LoginWithRecoveryCode", "login-with-recovery-code",
                new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[0] })
            : await browser.SubmitFormAsync("/Account/LoginWith2fa", "login-with-2fa",
                new Dictionary<string, string> { ["Input.TwoFactorCode"] = customer.Code() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(SupportSteps.SignsIn(response));
        Assert.Contains("so it can no longer sign in", await response.Content.ReadAsStringAsync());
        Assert.False(await SignedInAsync(browser));
    }

    [Fact]
    public async Task Staff_see_neither_the_link_nor_the_page()
    {
        var staff = await app.Staff.NewAsync(Com1ControlPanel.Infrastructure.Security.Roles.Billing);
        var browser = await app.Client().SignedInAsync(staff.Email);

        Assert.DoesNotContain("Account/Manage/CloseAccount", await browser.GetStringAsync("/Account/Manage"));
        using var page = await browser.GetAsync(ClosingSteps.Page);
        Assert.Equal("/Account/AccessDenied", PathOf(page));
    }

    /// <summary>Asks for passkey sign-in options as the sign-in page's script does; the challenge to sign.</summary>
    private static async Task<string> ChallengeAsync(HttpClient browser)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/PasskeyRequestOptions");
        request.Headers.Add("RequestVerificationToken", await browser.AntiforgeryTokenAsync("/Account/Login"));
        using var response = await browser.SendAsync(request);
        using var options = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return options.RootElement.GetProperty("challenge").GetString()!;
    }

    private static string PathOf(HttpResponseMessage response) => new Uri(new Uri("https://localhost"), response.Headers.Location!).AbsolutePath;

    private static string ClosingTermsDay(DateTime at) => ClosingTerms.Day(at);
}
