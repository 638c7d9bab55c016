namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// A password sent with a form that comes back (a wrong password, a field to correct) is never written into the page,
/// where it would sit in the browser's cache and in any copy of the page.
/// </summary>
public sealed class PasswordNotEchoedTests(PanelApp app) : IClassFixture<PanelApp>
{
    [Fact]
    public async Task A_failed_sign_in_page_does_not_contain_the_password_that_was_typed()
    {
        var customer = await app.Customers.NewAsync("Ezra Echo");
        using var client = app.Client();
        const string typed = "not-the-password-but-secret-7Q2";

        using var page = await client.SignInAsync(customer.Email, typed);

        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("The email address or password is not correct.", html);
        Assert.DoesNotContain(typed, html);
    }

    [Fact]
    public async Task A_registration_sent_back_for_correction_does_not_contain_the_password()
    {
        using var client = app.Client();
        const string typed = "a long passphrase nobody else has 91";

        using var page = await client.SubmitFormAsync("/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = "not-an-email-address",
            ["Input.Password"] = typed,
            ["Input.ConfirmPassword"] = typed,
        });

        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain(typed, html);
    }
}
