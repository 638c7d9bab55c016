using System.Net;
using Com1ControlPanel.Data;
using Com1ControlPanel.Data.DemoData;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Features.Support;

/// <summary>With the setting on (its default), only agents who signed in with a second factor may act in an account.</summary>
public sealed class SupportTwoFactorTests : IDisposable
{
    private readonly SupportApp support = new(requireTwoFactor: true);

    public void Dispose() => support.Dispose();

    [Fact]
    public async Task An_agent_signed_in_with_a_password_alone_is_refused_and_the_attempt_recorded()
    {
        var alice = await support.UserIdAsync("alice@example.com");
        var client = await SupportApp.SignedInAsync(support.Client(), "agent@com1.test", DemoAccounts.Password);

        using var response = await SupportApp.StartAsync(client, alice);

        Assert.EndsWith("refused=TwoFactorRequired", response.Headers.Location?.OriginalString);
        await using var db = support.CreateDbContext();
        // Alice's demo history holds one earlier session; no new one may start.
        Assert.False(await db.SupportSessions.AnyAsync(s => s.Ticket == "T-100"));
        Assert.Equal(SupportRefusal.TwoFactorRequired, (await db.SupportAttempts.SingleAsync()).Refusal);
    }

    [Fact]
    public async Task An_agent_signed_in_with_an_authenticator_code_may_start_and_is_still_trusted_after_the_session()
    {
        var alice = await support.UserIdAsync("alice@example.com");
        var key = await AgentWithAuthenticatorAsync("agent2fa@com1.test");
        var client = support.Client();
        using (var password = await FormPost.SignInAsync(client, "agent2fa@com1.test", TestCustomers.Password))
        {
            Assert.Contains("/Account/LoginWith2fa", password.Headers.Location?.OriginalString);
        }
        using (var code = await FormPost.SubmitAsync(client, "/Account/LoginWith2fa", "login-with-2fa",
                   new Dictionary<string, string> { ["Input.TwoFactorCode"] = Totp.Code(key, DateTimeOffset.UtcNow) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        }

        using (var started = await SupportApp.StartAsync(client, alice))
        {
            Assert.Equal("/", started.Headers.Location?.OriginalString);
        }
        using (await SupportApp.PostAsync(client, "/support/sessions/end", [])) { }
        using var again = await SupportApp.StartAsync(client, alice);

        Assert.Equal("/", again.Headers.Location?.OriginalString);
        await using var db = support.CreateDbContext();
        Assert.Equal(2, await db.SupportSessions.CountAsync(s => s.CustomerId == alice && s.AgentName == "Tess Factor"));
        Assert.False(await db.SupportAttempts.AnyAsync());
    }

    private async Task<string> AgentWithAuthenticatorAsync(string email)
    {
        await using var scope = support.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var agent = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Tess Factor" };
        Assert.True((await users.CreateAsync(agent, TestCustomers.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(agent, Roles.SupportAgent)).Succeeded);
        await users.ResetAuthenticatorKeyAsync(agent);
        await users.SetTwoFactorEnabledAsync(agent, true);
        return (await users.GetAuthenticatorKeyAsync(agent))!;
    }
}
