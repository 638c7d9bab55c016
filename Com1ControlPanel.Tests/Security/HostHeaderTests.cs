using System.Net;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Profile;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Links in emails lead to the panel's public address whatever host a request names; a request for a host that is not
/// the panel's is refused before it can do anything.
/// </summary>
public sealed class HostHeaderTests(PublicAddressPanel panel) : IClassFixture<PublicAddressPanel>
{
    private const string PublicBaseUrl = PublicAddressPanel.PublicBaseUrl;
    private PanelAppFactory App => panel.App;

    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}"[..20] + "@example.com";

    /// <summary>A client that loads every form honestly and then posts it naming <paramref name="postHost"/> as the host.</summary>
    private HttpClient Client(string? postHost = null) =>
        App.CreateDefaultClient(new Uri("https://localhost/"), new CookieContainerHandler(), new HostOnPosts(postHost));

    private async Task<bool> AnythingQueuedForAsync(string email)
    {
        await using var db = App.CreateDbContext();
        return await db.OutboxMessages.AnyAsync(m => m.ToAddress == email);
    }

    private async Task<Uri> MailedLinkAsync(string email, string subject) =>
        Mailbox.FirstLink(await App.Mailbox.WaitForAsync(email, subject));

    [Fact]
    public async Task A_request_for_a_host_that_is_not_the_panels_is_refused()
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login") { Headers = { Host = "attacker.example" } };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_panel_answers_at_its_public_address()
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login") { Headers = { Host = "panel.example.test" } };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_password_reset_asked_for_another_host_is_refused_and_sends_nothing()
    {
        var email = NewEmail("reset-foreign");
        await TestCustomers.CreateAsync(App.Services, email, "Rita Reset");
        using var client = Client(postHost: "attacker.example");

        using var response = await FormPost.SubmitAsync(client, "/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await AnythingQueuedForAsync(email));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(App.Mailbox.MessagesTo(email, "Reset your password"));
    }

    [Fact]
    public async Task A_password_reset_link_leads_to_the_public_address()
    {
        var email = NewEmail("reset-link");
        await TestCustomers.CreateAsync(App.Services, email, "Rex Reset");
        using var client = Client();

        using var response = await FormPost.SubmitAsync(client, "/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"{PublicBaseUrl}Account/ResetPassword?code=", (await MailedLinkAsync(email, "Reset your password")).AbsoluteUri);
    }

    [Fact]
    public async Task A_forwarded_host_header_does_not_steer_the_reset_link()
    {
        var email = NewEmail("reset-fwd");
        await TestCustomers.CreateAsync(App.Services, email, "Fay Forwarded");
        using var client = Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "attacker.example");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var response = await FormPost.SubmitAsync(client, "/Account/ForgotPassword", "forgot-password",
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
        var email = NewEmail("reg-foreign");
        using var client = Client(postHost: "attacker.example");

        using var response = await FormPost.SubmitAsync(client, "/Account/Register", "register", Registration(email));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = App.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        Assert.False(await AnythingQueuedForAsync(email));
    }

    [Fact]
    public async Task A_registration_confirmation_link_leads_to_the_public_address()
    {
        var email = NewEmail("reg-link");
        using var client = Client();

        using var response = await FormPost.SubmitAsync(client, "/Account/Register", "register", Registration(email));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"{PublicBaseUrl}Account/ConfirmEmail?", (await MailedLinkAsync(email, "Confirm your email address")).AbsoluteUri);
    }

    [Fact]
    public async Task A_resent_confirmation_link_leads_to_the_public_address()
    {
        var email = NewEmail("resend");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var created = await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, DisplayName = "Uma Unconfirmed" },
                TestCustomers.Password);
            Assert.True(created.Succeeded);
        }
        using var client = Client();

        using var response = await FormPost.SubmitAsync(client, "/Account/ResendEmailConfirmation", "resend-email-confirmation",
            new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith($"{PublicBaseUrl}Account/ConfirmEmail?", (await MailedLinkAsync(email, "Confirm your email address")).AbsoluteUri);
    }

    [Fact]
    public async Task An_email_change_link_leads_to_the_public_address_whatever_address_the_page_was_opened_at()
    {
        var email = NewEmail("change");
        var newEmail = NewEmail("changed");
        var customer = await TestCustomers.CreateAsync(App.Services, email, "Cleo Changer");
        await using var scope = App.Services.CreateAsyncScope();
        // The live profile page: its address is whatever the browser opened it at, and its user the signed-in customer.
        var navigation = scope.ServiceProvider.GetRequiredService<NavigationManager>();
        ((IHostEnvironmentNavigationManager)navigation).Initialize("http://attacker.example/", "http://attacker.example/profile");
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(SignedIn.As(customer.Id, "Cleo Changer", Roles.Customer))));

        var result = await scope.ServiceProvider.GetRequiredService<EmailChangeService>().RequestAsync(newEmail, TestCustomers.Password);

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
