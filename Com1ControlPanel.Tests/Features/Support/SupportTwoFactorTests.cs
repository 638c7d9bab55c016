using System.Net;
using Com1ControlPanel.Features.Support;

namespace Com1ControlPanel.Tests.Features.Support;

/// <summary>With the setting on (its default), only agents who signed in with a second factor may act in an account.</summary>
public sealed class SupportTwoFactorTests(PanelApp app) : IClassFixture<PanelApp>
{
    [Fact]
    public async Task An_agent_signed_in_with_a_password_alone_is_refused_and_the_attempt_recorded()
    {
        var agent = await app.Staff.NewAgentAsync();
        var customer = await app.Customers.NewAsync("Cleo Customer");
        var client = await app.Client().SignedInAsync(agent.Email);

        using var response = await client.StartSupportSessionAsync(customer.Id);

        Assert.EndsWith("refused=TwoFactorRequired", response.Headers.Location?.OriginalString);
        await using var db = app.CreateDbContext();
        Assert.False(await db.SupportSessions.AnyAsync(s => s.CustomerId == customer.Id));
        Assert.Equal(SupportRefusal.TwoFactorRequired, (await db.SupportAttempts.SingleAsync(a => a.AgentUserId == agent.Id)).Refusal);
    }

    [Fact]
    public async Task An_agent_signed_in_with_an_authenticator_code_may_start_and_is_still_trusted_after_the_session()
    {
        var agent = await app.Staff.NewAgentAsync(authenticator: true);
        var customer = await app.Customers.NewAsync("Cleo Customer");
        var client = app.Client();
        using (var password = await client.SignInAsync(agent.Email))
        {
            Assert.Contains("/Account/LoginWith2fa", password.Headers.Location?.OriginalString);
        }
        using (var code = await client.SubmitFormAsync("/Account/LoginWith2fa", "login-with-2fa",
                   new Dictionary<string, string> { ["Input.TwoFactorCode"] = agent.Code() }))
        {
            Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        }

        using (var started = await client.StartSupportSessionAsync(customer.Id))
        {
            Assert.Equal("/", started.Headers.Location?.OriginalString);
        }
        using (await client.EndSupportSessionAsync()) { }
        using var again = await client.StartSupportSessionAsync(customer.Id);

        Assert.Equal("/", again.Headers.Location?.OriginalString);
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.SupportSessions.CountAsync(s => s.CustomerId == customer.Id && s.AgentUserId == agent.Id));
        Assert.False(await db.SupportAttempts.AnyAsync(a => a.AgentUserId == agent.Id));
    }
}
