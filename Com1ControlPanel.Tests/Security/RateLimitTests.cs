using System.Net;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;
using static Com1ControlPanel.Tests.Security.RateLimitedApp;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Guessing passwords, flooding someone's mailbox with account emails and hammering the public endpoints stop at a limit:
/// a request over it gets 429 and a page saying when to try again, and sends or changes nothing.
/// </summary>
public sealed class RateLimitTests(RateLimitedApp limited) : IClassFixture<RateLimitedApp>
{
    private static Dictionary<string, string> Email(string address) => new() { ["Input.Email"] = address };

    private async Task<int> OutboxCountAsync(string address, string subject)
    {
        await using var db = limited.CreateDbContext();
        return await db.OutboxMessages.CountAsync(m => m.ToAddress.ToLower() == address.ToLower() && m.Subject == subject);
    }

    [Fact]
    public async Task Sign_in_posts_over_the_limit_are_refused_and_the_right_password_then_signs_no_one_in()
    {
        var email = Identities.NewEmail("signin");
        var customer = await limited.Customers.NewAsync(email: email);
        using var client = limited.NewClient();
        for (var i = 0; i < Limit; i++)
        {
            (await client.SignInAsync(email, "not the password at all")).Dispose();
        }

        // The page itself still loads (the sign-in step fetches it first): only the posts are limited.
        using var refused = await client.SignInAsync(email);

        await AssertRefusedAsync(refused);
        Assert.DoesNotContain(refused.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("com1.auth="));
        await using var db = limited.CreateDbContext();
        Assert.Equal(Limit, await db.SignInRecords.CountAsync(r => r.UserId == customer.Id));
        Assert.False(await db.SignInRecords.AnyAsync(r => r.UserId == customer.Id && r.Succeeded));
    }

    [Fact]
    public async Task Two_factor_and_recovery_code_posts_count_towards_the_same_sign_in_limit()
    {
        using var client = limited.NewClient();
        for (var i = 0; i < Limit; i++)
        {
            (await client.PostAsync("/Account/LoginWith2fa", new FormUrlEncodedContent(new Dictionary<string, string>()))).Dispose();
        }

        await AssertRefusedAsync(await client.PostAsync("/Account/LoginWith2fa", new FormUrlEncodedContent(new Dictionary<string, string>())));
        await AssertRefusedAsync(await client.PostAsync("/Account/LoginWithRecoveryCode",
            new FormUrlEncodedContent(new Dictionary<string, string>())));
    }

    [Fact]
    public async Task Registrations_over_the_limit_from_one_client_create_no_account()
    {
        using var client = limited.NewClient();
        var emails = Enumerable.Range(0, Limit + 1).Select(_ => Identities.NewEmail("register")).ToList();
        var responses = new List<HttpResponseMessage>();
        foreach (var email in emails)
        {
            responses.Add(await client.SubmitFormAsync("/Account/Register", "register", new Dictionary<string, string>
            {
                ["Input.FullName"] = "Rita Register", ["Input.Email"] = email, ["Input.CountryCode"] = "US",
                ["Input.Password"] = TestCustomers.Password, ["Input.ConfirmPassword"] = TestCustomers.Password,
            }));
        }

        Assert.All(responses[..Limit], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await AssertRefusedAsync(responses[Limit]);
        await using var db = limited.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.NormalizedEmail == emails[Limit].ToUpperInvariant()));
        Assert.Equal(0, await OutboxCountAsync(emails[Limit], "Confirm your email address"));
    }

    [Fact]
    public async Task Password_reset_mails_stop_at_the_limit_per_address_whether_or_not_it_has_an_account()
    {
        var customer = Identities.NewEmail("reset");
        await limited.Customers.NewAsync(email: customer);
        var nobody = Identities.NewEmail("nobody");

        foreach (var address in new[] { customer, nobody })
        {
            for (var i = 0; i < Limit; i++)
            {
                // A new client each time: the limit follows the address, not whoever asks.
                using var client = limited.NewClient();
                using var sent = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", Email(address));
                Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            }
            using var another = limited.NewClient();
            // Written differently, still the same address.
            await AssertRefusedAsync(await another.SubmitFormAsync("/Account/ForgotPassword", "forgot-password",
                Email($" {address.ToUpperInvariant()} ")));
        }

        Assert.Equal(Limit, await OutboxCountAsync(customer, "Reset your password"));
        Assert.Equal(0, await OutboxCountAsync(nobody, "Reset your password"));
    }

    [Fact]
    public async Task Confirmation_mails_stop_at_the_limit_per_address()
    {
        var email = Identities.NewEmail("resend");
        await limited.Customers.NewAsync("Ray Resend", email: email, confirmed: false);
        for (var i = 0; i < Limit; i++)
        {
            using var client = limited.NewClient();
            (await client.SubmitFormAsync("/Account/ResendEmailConfirmation", "resend-email-confirmation", Email(email))).Dispose();
        }

        using var last = limited.NewClient();
        await AssertRefusedAsync(await last.SubmitFormAsync("/Account/ResendEmailConfirmation", "resend-email-confirmation",
            Email(email)));
        Assert.Equal(Limit, await OutboxCountAsync(email, "Confirm your email address"));
    }

    [Fact]
    public async Task One_client_asking_for_account_mails_to_many_addresses_is_refused_at_the_limit()
    {
        using var client = limited.NewClient();
        for (var i = 0; i < Limit; i++)
        {
            (await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", Email(Identities.NewEmail("spray")))).Dispose();
        }

        await AssertRefusedAsync(await client.SubmitFormAsync("/Account/ResendEmailConfirmation", "resend-email-confirmation",
            Email(Identities.NewEmail("spray"))));
    }

    [Fact]
    public async Task Passkey_options_over_the_limit_are_refused()
    {
        using var client = limited.NewClient();
        for (var i = 0; i < Limit; i++)
        {
            (await client.PostAsync("/Account/PasskeyRequestOptions", null)).Dispose();
        }

        await AssertRefusedAsync(await client.PostAsync("/Account/PasskeyRequestOptions", null));
        await AssertRefusedAsync(await client.PostAsync("/Account/PasskeyCreationOptions", null));
    }

    [Fact]
    public async Task One_click_unsubscribes_over_the_limit_change_no_choice()
    {
        var key = new ConsentKey(MarketingPurpose.ComProducts, ContactChannel.Email);
        var links = limited.Get<UnsubscribeLinks>();
        var customers = new List<string>();
        for (var i = 0; i <= Limit; i++)
        {
            customers.Add((await limited.Customers.NewAsync("Una Unsub")).Id);
        }
        using var mailProvider = limited.NewClient();
        var responses = new List<HttpResponseMessage>();
        foreach (var customer in customers)
        {
            using var body = new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });
            responses.Add(await mailProvider.PostAsync($"/unsubscribe/{links.TokenFor(new(Guid.NewGuid(), customer, key))}", body));
        }

        Assert.All(responses[..Limit], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await AssertRefusedAsync(responses[Limit]);
        await using var db = limited.CreateDbContext();
        Assert.True(await db.ConsentStates.AnyAsync(s => s.CustomerId == customers[Limit] && s.Purpose == key.Purpose
            && s.Channel == key.Channel && s.Granted));
        Assert.False(await db.ConsentRecords.AnyAsync(r => r.CustomerId == customers[Limit] && r.Source == ChangeSource.UnsubscribeLink));
    }
}
