using System.Net;
using Com1ControlPanel.Features.Profile;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Links in emails lead to the panel's public address whatever host a request names; a request for a host that is not
/// the panel's is refused before it can do anything.
/// </summary>
public sealed class HostHeaderTests(HostHeaderTests.PublicAddressApp app) : IClassFixture<HostHeaderTests.PublicAddressApp>
{
    private const string PublicBaseUrl = "https://panel.example.test/";

    /// <summary>The app with a public address unlike any host a test request names, so links from it stand out.</summary>
    public sealed class PublicAddressApp() : PanelApp(AppOptions.Default.With("Panel:PublicBaseUrl", PublicBaseUrl));

    /// <summary>A client that loads every form honestly and then posts it naming <paramref name="postHost"/> as the host.</summary>
    private HttpClient Client(string? postHost = null) => app.Client(handlers: new HostOnPosts(postHost));

    private async Task<bool> AnythingQueuedForAsync(string email)
    {
        await using var db = app.CreateDbContext();
        return await db.OutboxMessages.AnyAsync(m => m.ToAddress == email);
    }

    private async Task<Uri> MailedLinkAsync(string email, string subject) =>
        Mailbox.FirstLink(await app.Mailbox.WaitForAsync(email, subject));

    [Fact]
    public async Task A_request_for_a_host_that_is_not_the_panels_is_refused()
    {
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login") { Headers = { Host = "attacker.example" } };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_panel_answers_at_its_public_address()
    {
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login") { Headers = { Host = "panel.example.test" } };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_password_reset_asked_for_another_host_is_refused_and_sends_nothing()
    {
        var email = Identities.NewEmail("reset-foreign");
        await app.Customers.NewAsync("Rita Reset", email: email);
        using var client = Client(postHost: "attacker.example");

        using var response = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await AnythingQueuedForAsync(email));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(app.Mailbox.MessagesTo(email, "Reset your password"));
    }

    [Fact]
    public async Task A_password_reset_link_leads_to_the_public_address()
    {
        var email = Identities.NewEmail("reset-link");
        await app.Customers.NewAsync("Rex Reset", email: email);
        using var client = Client();

        using var response = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"{PublicBaseUrl}Account/ResetPassword?code=", (await MailedLinkAsync(email, "Reset your password")).AbsoluteUri);
    }

    [Fact]
    public async Task A_forwarded_host_header_does_not_steer_the_reset_link()
    {
        var email = Identities.NewEmail("reset-fwd");
        await app.Customers.NewAsync("Fay Forwarded", email: email);
        using var client = Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "attacker.example");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var response = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"{PublicBaseUrl}Account/ResetPassword?code=", (await MailedLinkAsync(email, "Reset your password")).AbsoluteUri);
    }

    private static Dictionary<string, string> Registration(string email) => new()
    {
        ["Input.FullName"] = "Nina Newcomer",
        ["Input.Email"] = email,
        ["Input.CountryCode"] = "US",
        ["Input.Password"] = TestCustomers.Password,
        ["Input.ConfirmPassword"] = TestCustomers.Password,
    };

    [Fact]
    public async Task A_registration_for_another_host_is_refused_and_creates_nothing()
    {
        var email = Identities.NewEmail("reg-foreign");
        using var client = Client(postHost: "attacker.example");

        using var response = await client.SubmitFormAsync("/Account/Register", "register", Registration(email));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        Assert.False(await AnythingQueuedForAsync(email));
    }

    [Fact]
    public async Task A_registration_confirmation_link_leads_to_the_public_address()
    {
        var email = Identities.NewEmail("reg-link");
        using var client = Client();

        using var response = await client.SubmitFormAsync("/Account/Register", "register", Registration(email));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"{PublicBaseUrl}Account/ConfirmEmail?", (await MailedLinkAsync(email, "Confirm your email address")).AbsoluteUri);
    }

    [Fact]
    public async Task A_resent_confirmation_link_leads_to_the_public_address()
    {
        var email = Identities.NewEmail("resend");
        await app.Customers.NewAsync("Uma Unconfirmed", email: email, confirmed: false);
        using var client = Client();

        using var response = await client.SubmitFormAsync("/Account/ResendEmailConfirmation", "resend-email-confirmation",
            new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith($"{PublicBaseUrl}Account/ConfirmEmail?", (await MailedLinkAsync(email, "Confirm your email address")).AbsoluteUri);
    }

    [Fact]
    public async Task An_email_change_link_leads_to_the_public_address_whatever_address_the_page_was_opened_at()
    {
        var email = Identities.NewEmail("change");
        var newEmail = Identities.NewEmail("changed");
        var customer = await app.Customers.NewAsync("Cleo Changer", email: email);
        // The live profile page: its address is whatever the browser opened it at, and its user the signed-in customer.
        using var page = app.As(customer.Principal);
        ((IHostEnvironmentNavigationManager)page.Get<NavigationManager>()).Initialize("http://attacker.example/", "http://attacker.example/profile");

        var result = await page.Get<EmailChangeService>().RequestAsync(newEmail, customer.Password);

        Assert.True(result.Succeeded, result.Error);
        Assert.StartsWith($"{PublicBaseUrl}Account/ConfirmEmailChange?", (await MailedLinkAsync(newEmail, "Confirm your new email address")).AbsoluteUri);
    }

    /// <summary>Loads pages honestly; posts name another host, as an attacker's own requests can.</summary>
    private sealed class HostOnPosts(string? host) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (host is not null && request.Method == HttpMethod.Post)
            {
                request.Headers.Host = host;
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
