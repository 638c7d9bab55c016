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
        await page.ClickAsync("#session-reason");
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

        await using var db = server.App.CreateDbContext();
        var session = await db.SupportSessions.SingleAsync(s => s.AgentName == agentName);
        Assert.Equal(("T-4242", Com1ControlPanel.Features.Support.SessionEnding.EndedByAgent), (session.Ticket, session.Ending));
        Assert.Contains(await db.SupportAttempts.Where(a => a.AgentUserId == session.AgentUserId).ToListAsync(),
            a => a.Refusal == Com1ControlPanel.Features.Support.SupportRefusal.ForbiddenDuringSession);
    }
}
