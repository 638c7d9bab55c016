using System.Net;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Accounts.Passwords;
using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// A password from the list of the most common ones is refused wherever a password is chosen, with the reason shown at
/// the password field, and nothing changes; an uncommon passphrase is accepted.
/// </summary>
public sealed class CommonPasswordTests(PanelApp app) : IClassFixture<PanelApp>
{
    // Both are in the shipped list (SecLists' top 10,000) and long enough for the 12-character minimum.
    private const string Common = "qwerty123456";
    private const string CommonOtherCase = "QazWsxEdcRfv";
    private const string Uncommon = "heron lantern quietly orbits";
    private const string Refusal = "This is one of the most commonly used passwords";

    [Fact]
    public async Task The_whole_shipped_list_is_refused_in_any_letter_case()
    {
        var list = CommonPasswords.ReadList();

        Assert.True(list.Count >= 10_000, $"{list.Count} entries");
        Assert.Contains(Common, list);
        Assert.Contains(CommonOtherCase.ToLowerInvariant(), list);
        Assert.All(list, entry => Assert.True(CommonPasswords.Contains(entry.ToUpperInvariant()), entry));
        var user = new ApplicationUser { UserName = "someone@example.com", Email = "someone@example.com", DisplayName = "Some One" };
        var result = await new PasswordRules().ValidateAsync(null!, user, CommonOtherCase);
        Assert.Equal("This is one of the most commonly used passwords, so it is among the first anyone would try. Choose another.",
            Assert.Single(result.Errors).Description);
    }

    /// <summary>The help area under the field with this id, where its validation messages are shown.</summary>
    private static string FieldHelp(string html, string fieldId)
    {
        var start = html.IndexOf($"id=\"{fieldId}-help\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The page has no field {fieldId}.");
        var end = html.IndexOf("class=\"form-field ", start, StringComparison.Ordinal);
        return WebUtility.HtmlDecode(end < 0 ? html[start..] : html[start..end]);
    }

    private async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password) =>
        await client.SubmitFormAsync("/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Paula Password",
            ["Input.Email"] = email,
            ["Input.CountryCode"] = "US",
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    private async Task<bool> AccountExistsAsync(string email)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.AnyAsync(u => u.Email == email);
    }

    [Fact]
    public async Task Registering_with_a_common_password_is_refused_at_the_field_and_creates_nothing()
    {
        var email = Identities.NewEmail("common-reg");
        using var client = app.Client();

        using var response = await RegisterAsync(client, email, Common);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Refusal, FieldHelp(await response.Content.ReadAsStringAsync(), "register-password"));
        Assert.False(await AccountExistsAsync(email));
    }

    [Fact]
    public async Task Registering_with_the_own_email_address_as_password_is_refused_at_the_field()
    {
        var email = Identities.NewEmail("own-address");
        using var client = app.Client();

        using var response = await RegisterAsync(client, email, email.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("your email address or name", FieldHelp(await response.Content.ReadAsStringAsync(), "register-password"));
        Assert.False(await AccountExistsAsync(email));
    }

    [Fact]
    public async Task Registering_with_an_uncommon_passphrase_works()
    {
        var email = Identities.NewEmail("uncommon-reg");
        using var client = app.Client();

        using var response = await RegisterAsync(client, email, Uncommon);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await AccountExistsAsync(email));
    }

    private async Task<(HttpClient Client, string Email)> SignedInCustomerAsync()
    {
        var customer = await app.Customers.NewAsync("Carl Changer");
        return (await app.Client().SignedInAsync(customer.Email), customer.Email);
    }

    private static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string newPassword) =>
        client.SubmitFormAsync("/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = TestCustomers.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });

    private async Task<bool> PasswordIsAsync(string email, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, password);
    }

    [Fact]
    public async Task Changing_to_a_common_password_in_any_letter_case_is_refused_at_the_field_and_changes_nothing()
    {
        var (client, email) = await SignedInCustomerAsync();
        using (client)
        {
            using var response = await ChangePasswordAsync(client, CommonOtherCase);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(Refusal, FieldHelp(await response.Content.ReadAsStringAsync(), "change-new"));
            Assert.True(await PasswordIsAsync(email, TestCustomers.Password));
            Assert.Empty(app.Mailbox.MessagesTo(email, "Your password was changed"));
        }
    }

    [Fact]
    public async Task Changing_to_an_uncommon_passphrase_works()
    {
        var (client, email) = await SignedInCustomerAsync();
        using (client)
        {
            using var response = await ChangePasswordAsync(client, Uncommon);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.True(await PasswordIsAsync(email, Uncommon));
        }
    }
}
