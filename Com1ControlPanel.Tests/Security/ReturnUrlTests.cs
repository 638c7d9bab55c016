using System.Net;
using Com1ControlPanel.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Wherever the panel takes a return address (sign-in, its two-factor and recovery steps, registration, sign-out, the
/// theme switch), anything but a path of the panel sends the browser home: never an error, never another site.
/// </summary>
public sealed class ReturnUrlTests(PanelApp app) : IClassFixture<PanelApp>
{
    /// <summary>What is tried, and where the browser must end up.</summary>
    private static readonly Dictionary<string, (string Value, string Expected)> ReturnUrls = new()
    {
        ["another site"] = ("https://evil.example/", "/"),
        ["protocol-relative"] = ("//evil.example", "/"),
        ["backslash"] = ("/\\evil.example", "/"),
        ["two backslashes"] = ("\\\\evil.example\\share", "/"),
        ["tab between slashes"] = ("/\t/evil.example", "/"),
        ["file"] = ("file:///etc/passwd", "/"),
        ["script"] = ("javascript:alert(1)", "/"),
        ["bare scheme"] = ("http:", "/"),
        ["encoded slashes"] = ("%2F%2Fevil", "/"),
        ["3000 characters"] = ("https://evil.example/" + new string('a', 2979), "/"),
        ["panel page"] = ("/profile?tab=1", "/profile?tab=1"),
        ["app-relative panel page"] = ("~/preferences", "/preferences"),
    };

    public static TheoryData<string> Cases => [.. ReturnUrls.Keys];

    private static string Query(string value) => $"ReturnUrl={Uri.EscapeDataString(value)}";

    private static void AssertStaysInThePanel(HttpResponseMessage response, string expected)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var requested = response.RequestMessage!.RequestUri!;
        var location = new Uri(requested, response.Headers.Location!);
        Assert.Equal(requested.GetLeftPart(UriPartial.Authority), location.GetLeftPart(UriPartial.Authority));
        Assert.Equal(expected, location.PathAndQuery);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string returnUrl) =>
        client.SubmitFormAsync($"/Account/Login?{Query(returnUrl)}", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestCustomers.Password,
        });

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Signing_in(string name)
    {
        var (value, expected) = ReturnUrls[name];
        var customer = await app.Customers.NewAsync("Ruth Return");
        using var client = app.Client();

        using var response = await SignInAsync(client, customer.Email, value);

        AssertStaysInThePanel(response, expected);
    }

    /// <summary>A customer with an authenticator app: the password step sends them to the code step.</summary>
    private async Task<(HttpClient Client, TestCustomer Customer)> AtTheCodeStepAsync(string value)
    {
        var customer = await app.Customers.NewAsync("Ruth Return", authenticator: true);
        var client = app.Client();
        using var password = await SignInAsync(client, customer.Email, value);
        Assert.Equal("/Account/LoginWith2fa", new Uri(client.BaseAddress!, password.Headers.Location!).AbsolutePath);
        return (client, customer);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Signing_in_with_an_authenticator_code(string name)
    {
        var (value, expected) = ReturnUrls[name];
        var (client, customer) = await AtTheCodeStepAsync(value);
        using (client)
        {
            using var response = await client.SubmitFormAsync($"/Account/LoginWith2fa?{Query(value)}", "login-with-2fa",
                new Dictionary<string, string> { ["Input.TwoFactorCode"] = customer.Code() });

            AssertStaysInThePanel(response, expected);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Signing_in_with_a_recovery_code(string name)
    {
        var (value, expected) = ReturnUrls[name];
        var (client, customer) = await AtTheCodeStepAsync(value);
        string code;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            code = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(customer.Id))!, 1))!.Single();
        }
        using (client)
        {
            using var response = await client.SubmitFormAsync($"/Account/LoginWithRecoveryCode?{Query(value)}",
                "login-with-recovery-code", new Dictionary<string, string> { ["Input.RecoveryCode"] = code });

            AssertStaysInThePanel(response, expected);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Registering_and_the_confirmation_link(string name)
    {
        var (value, expected) = ReturnUrls[name];
        var email = Identities.NewEmail("reggie");
        using var client = app.Client();

        using var response = await client.SubmitFormAsync($"/Account/Register?{Query(value)}", "register", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Reggie Return",
            ["Input.Email"] = email,
            ["Input.CountryCode"] = "US",
            ["Input.Password"] = TestCustomers.Password,
            ["Input.ConfirmPassword"] = TestCustomers.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/RegisterConfirmation", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
        var link = Mailbox.FirstLink(await app.Mailbox.WaitForAsync(email, "Confirm your email address"));
        var mailed = QueryHelpers.ParseQuery(link.Query).TryGetValue("returnUrl", out var v) ? v.ToString() : null;
        // The email carries the return address only when it is a page of the panel.
        Assert.Equal(expected == "/" ? null : value, mailed);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Signing_out(string name)
    {
        var (value, expected) = ReturnUrls[name];
        var customer = await app.Customers.NewAsync("Ruth Return");
        using var client = await app.Client().SignedInAsync(customer.Email);

        using var response = await client.PostFormAsync("/Account/Logout", new Dictionary<string, string> { ["ReturnUrl"] = value },
            tokenFrom: "/Account/Manage/ChangePassword");

        AssertStaysInThePanel(response, expected);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Switching_the_theme(string name)
    {
        var (value, expected) = ReturnUrls[name];
        using var client = app.Client();

        using var response = await client.PostFormAsync("/theme", new Dictionary<string, string> { ["mode"] = "dark", ["returnUrl"] = value },
            tokenFrom: "/Account/Login");

        AssertStaysInThePanel(response, expected);
    }
}
