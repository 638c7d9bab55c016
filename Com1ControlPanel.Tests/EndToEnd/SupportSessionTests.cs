using Com1ControlPanel.Data;
using Com1ControlPanel.Data.DemoData;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class SupportSessionTests(PanelServer server, DebianChromium chromium)
{
    /// <summary>An agent with an authenticator app, signed in with password and code, as the default setting requires.</summary>
    private async Task<(IPage Page, string Name)> SignedInAgentAsync()
    {
        var email = $"agent-{Guid.NewGuid():N}"[..16] + "@com1.test";
        var name = "Tess " + Guid.NewGuid().ToString("N")[..6];
        string key;
        await using (var scope = server.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var agent = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            Assert.True((await users.CreateAsync(agent, TestCustomers.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(agent, Roles.SupportAgent)).Succeeded);
            await users.ResetAuthenticatorKeyAsync(agent);
            await users.SetTwoFactorEnabledAsync(agent, true);
            key = (await users.GetAuthenticatorKeyAsync(agent))!;
        }
        var page = await chromium.NewPageAsync(server.BaseAddress);
        await page.SignInAsync(email, TestCustomers.Password);
        await page.FillAsync("#two-factor-code", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.SubmitFromAsync("#two-factor-code");
        await page.WaitForPathAsync("/");
        return (page, name);
    }

    private static async Task ChooseCustomerAsync(IPage page, string search, string fullName)
    {
        await page.GotoAsync("/support");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#support-search", search);
        await page.ClickAsync($"button[aria-label='Choose: {fullName}']");
        await page.Locator("#start-session-form").WaitForAsync();
    }

    private static async Task FillStartFormAsync(IPage page, string ticket)
    {
        // Once chosen, the select shows its value in place of the input: the select itself is what a person clicks.
        await page.Locator(".mud-input-control.mud-select", new() { Has = page.Locator("#session-reason") }).ClickAsync();
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('Support the customer asked for')");
        await page.FillAsync("#session-ticket", ticket);
        await page.FillAsync("#session-note", "Update the telephone number as asked on the phone");
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_console_and_the_session_banner_pass_wcag_aa(string theme)
    {
        var (page, _) = await SignedInAgentAsync();
        await page.Context.AddCookiesAsync([new Cookie { Name = "com1-theme", Value = theme, Url = server.BaseAddress.ToString() }]);
        var name = "Axel " + Guid.NewGuid().ToString("N")[..8];
        await TestCustomers.CreateAsync(server.App.Services, $"a11y-{Guid.NewGuid():N}"[..16] + "@example.com", name);
        await ChooseCustomerAsync(page, name, name);
        await FillStartFormAsync(page, "T-A11Y");
        await AccessibilityChecks.AssertNoViolationsAsync(page);

        await Task.WhenAll(page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/"), page.ClickAsync("#start-session"));
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator(".support-banner")).ToBeVisibleAsync();
        await AccessibilityChecks.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task An_agent_changes_alices_phone_cannot_open_her_password_page_and_alice_sees_it_all()
    {
        var (page, agentName) = await SignedInAgentAsync();
        await ChooseCustomerAsync(page, "Alice Morgan", "Alice Morgan");
        await FillStartFormAsync(page, "T-4242");
        await Task.WhenAll(page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/"), page.ClickAsync("#start-session"));

        await Assertions.Expect(page.Locator(".support-banner")).ToContainTextAsync($"Com 1 support ({agentName}) is acting in this account");
        await Assertions.Expect(page.Locator(".support-banner")).ToContainTextAsync("left.");

        await page.GotoAsync("/profile");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#profile-phone", "415 555 0123");
        await page.ClickAsync("#profile-save");
        var change = page.Locator("#recent-changes tr", new() { HasText = "+1 415-555-0123" });
        await Assertions.Expect(change).ToContainTextAsync($"Com 1 support ({agentName}) on your behalf");

        await page.GotoAsync("/Account/Manage/ChangePassword");
        Assert.Equal("/support/not-allowed", page.Path());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not available in a support session");

        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        await Task.WhenAll(page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/support"), page.ClickAsync("#end-support-session"));
        await Assertions.Expect(page.Locator("#session-ended")).ToBeVisibleAsync();

        var alice = await chromium.NewPageAsync(server.BaseAddress);
        await alice.SignInAsync("alice@example.com", DemoAccounts.Password);
        await alice.GotoAsync("/profile");
        var seen = alice.Locator("#recent-changes tr", new() { HasText = "+1 415-555-0123" });
        await Assertions.Expect(seen).ToContainTextAsync($"Com 1 support ({agentName}) on your behalf");
        await Assertions.Expect(alice.Locator(".support-banner")).ToHaveCountAsync(0);

        await alice.GotoAsync("/access");
        await alice.WaitForInteractiveAsync();
        var card = alice.Locator("#support-sessions [id^='session-']", new() { HasText = agentName });
        await Assertions.Expect(card).ToContainTextAsync("T-4242");
        await Assertions.Expect(card).ToContainTextAsync("You asked Com 1 support for help");
        await card.Locator("button[aria-expanded]").ClickAsync();
        await Assertions.Expect(card.Locator(".session-actions")).ToContainTextAsync("+1 415-555-0123");

        await using var db = server.App.CreateDbContext();
        var session = await db.SupportSessions.SingleAsync(s => s.AgentName == agentName);
        Assert.Equal(("T-4242", Com1ControlPanel.Features.Support.SessionEnding.EndedByAgent), (session.Ticket, session.Ending));
        Assert.Contains(await db.SupportAttempts.Where(a => a.AgentUserId == session.AgentUserId).ToListAsync(),
            a => a.Refusal == Com1ControlPanel.Features.Support.SupportRefusal.ForbiddenDuringSession);
    }

    [Fact]
    public async Task A_customer_ends_a_running_session_and_the_agents_page_follows_at_once()
    {
        var (agent, agentName) = await SignedInAgentAsync();
        var email = $"ends-{Guid.NewGuid():N}"[..16] + "@example.com";
        var name = "Enid " + Guid.NewGuid().ToString("N")[..8];
        await TestCustomers.CreateAsync(server.App.Services, email, name);
        await ChooseCustomerAsync(agent, name, name);
        await FillStartFormAsync(agent, "T-END");
        await Task.WhenAll(agent.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/"), agent.ClickAsync("#start-session"));
        await agent.WaitForInteractiveAsync();
        await Assertions.Expect(agent.Locator(".support-banner")).ToBeVisibleAsync();

        var customer = await chromium.NewPageAsync(server.BaseAddress);
        await customer.SignInAsync(email, TestCustomers.Password);
        await customer.GotoAsync("/access");
        await customer.WaitForInteractiveAsync();
        var card = customer.Locator("#support-sessions [id^='session-']", new() { HasText = agentName });
        await card.Locator("[id^='end-session-']").ClickAsync();
        await customer.ClickAsync(".mud-dialog button:has-text('End session')");
        await Assertions.Expect(card).ToContainTextAsync("by you");

        // The agent clicks nothing: their page goes back to the console at once and says who ended the session.
        await agent.WaitForPathAsync("/support");
        await Assertions.Expect(agent.Locator("#session-ended")).ToContainTextAsync($"{name} ended the support session.");
    }

    [Fact]
    public async Task Bob_denies_a_request_approves_the_next_shorter_and_an_unanswered_one_expires()
    {
        var (agent, agentName) = await SignedInAgentAsync();
        await ChooseCustomerAsync(agent, "Bob Schneider", "Bob Schneider");
        await Assertions.Expect(agent.Locator("#approval-status")).ToContainTextAsync("wants to be asked");
        await Assertions.Expect(agent.Locator("#start-session")).ToHaveCountAsync(0);
        await AskAsync(agent, "T-DENY");

        var bob = await chromium.NewPageAsync(server.BaseAddress);
        await bob.SignInAsync("bob@example.com", DemoAccounts.Password);
        await bob.GotoAsync("/access");
        await bob.WaitForInteractiveAsync();
        await RequestOf(bob, agentName).Locator("[id^='deny-']").ClickAsync();
        await bob.ClickAsync(".mud-dialog button:has-text('Deny access')");
        await Assertions.Expect(PastRequest(bob, "T-DENY")).ToContainTextAsync("Denied");

        await agent.ClickAsync("#check-approval");
        await Assertions.Expect(agent.Locator("#ask-customer")).ToBeVisibleAsync();
        await Assertions.Expect(agent.Locator("#start-session")).ToHaveCountAsync(0);

        await AskAsync(agent, "T-APPROVE");
        await bob.ReloadAsync();
        await bob.WaitForInteractiveAsync();
        await RequestOf(bob, agentName).Locator("[id^='approve-']").ClickAsync();
        await Assertions.Expect(PastRequest(bob, "T-APPROVE")).ToContainTextAsync("Approved for 15 minutes");

        await agent.ClickAsync("#check-approval");
        await Assertions.Expect(agent.Locator("#approval-status")).ToContainTextAsync("Approved for 15 minutes");
        await Task.WhenAll(agent.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/"), agent.ClickAsync("#start-session"));
        await Assertions.Expect(agent.Locator(".support-banner")).ToContainTextAsync(agentName);
        await Task.WhenAll(agent.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/support"), agent.ClickAsync("#end-support-session"));

        // A request nobody answers expires after 24 hours. Requests are permanent (the database refuses to move one in
        // time), so this one is written as the agent's request of 25 hours ago would stand today.
        await using (var db = server.App.CreateDbContext())
        {
            var asked = await db.SupportAccessRequests.FirstAsync(r => r.AgentName == agentName && r.Ticket == "T-APPROVE");
            db.SupportAccessRequests.Add(new Com1ControlPanel.Features.Support.SupportAccessRequest
            {
                AgentUserId = asked.AgentUserId, AgentName = agentName, CustomerId = asked.CustomerId, Reason = asked.Reason,
                Ticket = "T-EXPIRE", Note = "Nobody answered this one.", RequestedMinutes = 15,
                RequestedAt = DateTime.UtcNow.AddHours(-25), AnswerBy = DateTime.UtcNow.AddHours(-1),
                Status = Com1ControlPanel.Features.Support.AccessRequestStatus.Pending,
            });
            await db.SaveChangesAsync();
        }
        await ChooseCustomerAsync(agent, "Bob Schneider", "Bob Schneider");
        await bob.ReloadAsync();
        await bob.WaitForInteractiveAsync();
        await Assertions.Expect(RequestOf(bob, agentName)).ToHaveCountAsync(0);
        await Assertions.Expect(PastRequest(bob, "T-EXPIRE")).ToContainTextAsync("Expired without an answer");
        // Nothing is pending any more: the agent may ask again.
        await Assertions.Expect(agent.Locator("#ask-customer")).ToBeVisibleAsync();

        await using var check = server.App.CreateDbContext();
        var sessions = await check.SupportSessions.Where(s => s.AgentName == agentName).ToListAsync();
        Assert.Equal("T-APPROVE", Assert.Single(sessions).Ticket);
    }

    private static ILocator PastRequest(IPage customer, string ticket) =>
        customer.Locator("#past-requests tr", new() { HasText = $"ticket {ticket}" });

    private static ILocator RequestOf(IPage customer, string agentName) =>
        customer.Locator("#pending-requests [role='group']", new() { HasText = agentName });

    private static async Task AskAsync(IPage agent, string ticket)
    {
        await FillStartFormAsync(agent, ticket);
        await agent.ClickAsync("#ask-customer");
        await Assertions.Expect(agent.Locator("#request-sent")).ToBeVisibleAsync();
        await Assertions.Expect(agent.Locator("#approval-status")).ToContainTextAsync("Waiting for the customer's answer");
    }
}
