using System.Net;
using System.Text.RegularExpressions;

namespace Com1ControlPanel.Tests.Features.Customers;

public sealed partial class CustomerRegistrationTests(PanelApp app) : IClassFixture<PanelApp>
{
    private const string Password = "correct horse battery staple";

    private sealed record Answer(HttpStatusCode Status, string PathAndQuery, string Heading);

    private async Task<Answer> RegisterAsync(string email, string fullName)
    {
        using var client = app.CreateClient();
        using var response = await client.SubmitFormAsync("/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.FullName"] = fullName,
            ["Input.Email"] = email,
            ["Input.CountryCode"] = "US",
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
        var html = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, response.RequestMessage!.RequestUri!.PathAndQuery, Heading(html));
    }

    private static string Heading(string html) =>
        WebUtility.HtmlDecode(H1().Match(html).Groups[1].Value.Trim());

    [Fact]
    public async Task A_new_customer_is_asked_to_confirm_the_address()
    {
        var email = Identities.NewEmail("frank");
        var answer = await RegisterAsync(email, "Frank New");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.StartsWith("/Account/RegisterConfirmation", answer.PathAndQuery);
        var message = await app.Mailbox.WaitForAsync(email, "Confirm your email address");
        Assert.StartsWith("/Account/ConfirmEmail", Mailbox.FirstLink(message).AbsolutePath);

        await using var db = app.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.False(user.EmailConfirmed);
        Assert.Equal("US", (await db.Customers.SingleAsync(c => c.Id == user.Id)).CountryCode);
    }

    [Fact]
    public async Task Registering_a_taken_address_looks_the_same_and_tells_its_owner()
    {
        var email = Identities.NewEmail("grace");
        var first = await RegisterAsync(email, "Grace Hopper");
        var second = await RegisterAsync(email, "Someone Else");

        Assert.Equal(first, second);
        Assert.StartsWith("/Account/RegisterConfirmation", second.PathAndQuery);
        await app.Mailbox.WaitForAsync(email, "Someone tried to open an account with your address");

        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == email));
        Assert.Equal("Grace Hopper", (await db.Users.SingleAsync(u => u.Email == email)).DisplayName);
    }

    [Fact]
    public async Task Registering_an_existing_customers_address_leaves_that_account_untouched()
    {
        var owner = await app.Customers.NewAsync("Olga Owner");

        var answer = await RegisterAsync(owner.Email, "Mallory");

        Assert.StartsWith("/Account/RegisterConfirmation", answer.PathAndQuery);
        await app.Mailbox.WaitForAsync(owner.Email, "Someone tried to open an account with your address");
        Assert.Empty(app.Mailbox.MessagesTo(owner.Email, "Confirm your email address"));
        await using var db = app.CreateDbContext();
        Assert.Equal("Olga Owner", (await db.Users.SingleAsync(u => u.Email == owner.Email)).DisplayName);
        using var signIn = await app.Client().SignInAsync(owner.Email, owner.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [GeneratedRegex("<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex H1();
}
