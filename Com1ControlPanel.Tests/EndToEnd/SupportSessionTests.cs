using Com1ControlPanel.Features.Support;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>Support sessions in the browser: each test has an agent (with an authenticator app) and customers of its own.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class SupportSessionTests(BrowserApp app, DebianChromium chromium)
{
    /// <summary>A new agent, signed in with password and code, as the default setting requires.</summary>
    private async Task<(IPage Page, StaffMember Agent)> SignedInAgentAsync(string? theme = null)
    {
        var agent = await app.Staff.NewAgentAsync(authenticator: true);
        var page = await chromium.NewPageAsync(app.BaseAddress, theme);
        await page.SignInAsync(agent.Email);
        await page.FillAsync("#two-factor-code", agent.Code());
        await page.SubmitFromAsync("#two-factor-code");
        await page.WaitForPathAsync("/");
        return (page, agent);
    }

    /// <summary>A customer of this test, with a name no other test's customer has, so the console finds only them.</summary>
    private Task<TestCustomer> NewCustomerAsync(string firstName, bool asksFirst = false) =>
        app.Customers.NewAsync($"{firstName} {Guid.NewGuid():N}"[..(firstName.Length + 9)], with: c => c.RequireSupportApproval = asksFirst);

    private async Task<IPage> SignedInAsync(TestCustomer customer)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(customer.Email);
        return page;
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
        var (page, _) = await SignedInAgentAsync(theme);
        var customer = await NewCustomerAsync("Axel");
        await ChooseCustomerAsync(page, customer.FullName, customer.FullName);
        await FillStartFormAsync(page, "T-A11Y");
        await AccessibilityChecks.AssertNoViolationsAsync(page);

        await Task.WhenAll(page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/"), page.ClickAsync("#start-session"));
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator(".support-banner")).ToBeVisibleAsync();
        await AccessibilityChecks.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task An_agent_changes_a_customers_phone_cannot_open_her_password_page_and_she_sees_it_all()
    {
        var (page, agent) = await SignedInAgentAsync();
        var agentName = agent.Name;
        var customer = await NewCustomerAsync("Alma");
        await ChooseCustomerAsync(page, customer.FullName, customer.FullName);
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

        var hers = await SignedInAsync(customer);
        await hers.GotoAsync("/profile");
        var seen = hers.Locator("#recent-changes tr", new() { HasText = "+1 415-555-0123" });
        await Assertions.Expect(seen).ToContainTextAsync($"Com 1 support ({agentName}) on your behalf");
        await Assertions.Expect(hers.Locator(".support-banner")).ToHaveCountAsync(0);

        await hers.GotoAsync("/access");
        await hers.WaitForInteractiveAsync();
        var card = hers.Locator("#support-sessions [id^='session-']", new() { HasText = agentName });
        await Assertions.Expect(card).ToContainTextAsync("T-4242");
        await Assertions.Expect(card).ToContainTextAsync("You asked Com 1 support for help");
        await card.Locator("button[aria-expanded]").ClickAsync();
        await Assertions.Expect(card.Locator(".session-actions")).ToContainTextAsync("+1 415-555-0123");

        await using var db = app.CreateDbContext();
        var session = await db.SupportSessions.SingleAsync(s => s.AgentUserId == agent.Id);
        Assert.Equal(("T-4242", customer.Id, SessionEnding.EndedByAgent), (session.Ticket, session.CustomerId, session.Ending));
        Assert.Equal("+14155550123", (await db.Customers.SingleAsync(c => c.Id == customer.Id)).Phone);
        Assert.Contains(await db.SupportAttempts.Where(a => a.AgentUserId == agent.Id).ToListAsync(),
            a => a.Refusal == SupportRefusal.ForbiddenDuringSession);
    }

    [Fact]
    public async Task A_customer_ends_a_running_session_and_the_agents_page_follows_at_once()
    {
        var (agent, staff) = await SignedInAgentAsync();
        var agentName = staff.Name;
        var enid = await NewCustomerAsync("Enid");
        var name = enid.FullName;
        await ChooseCustomerAsync(agent, name, name);
        await FillStartFormAsync(agent, "T-END");
        await Task.WhenAll(agent.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/"), agent.ClickAsync("#start-session"));
        await agent.WaitForInteractiveAsync();
        await Assertions.Expect(agent.Locator(".support-banner")).ToBeVisibleAsync();

        var customer = await SignedInAsync(enid);
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
    public async Task A_customer_who_wants_to_be_asked_denies_a_request_approves_the_next_shorter_and_an_unanswered_one_expires()
    {
        var (agent, staff) = await SignedInAgentAsync();
        var agentName = staff.Name;
        var customer = await NewCustomerAsync("Bo", asksFirst: true);
        await ChooseCustomerAsync(agent, customer.FullName, customer.FullName);
        await Assertions.Expect(agent.Locator("#approval-status")).ToContainTextAsync("wants to be asked");
        await Assertions.Expect(agent.Locator("#start-session")).ToHaveCountAsync(0);
        await AskAsync(agent, "T-DENY");

        var theirs = await SignedInAsync(customer);
        await theirs.GotoAsync("/access");
        await theirs.WaitForInteractiveAsync();
        await RequestOf(theirs, agentName).Locator("[id^='deny-']").ClickAsync();
        await theirs.ClickAsync(".mud-dialog button:has-text('Deny access')");
        await Assertions.Expect(PastRequest(theirs, "T-DENY")).ToContainTextAsync("Denied");

        await agent.ClickAsync("#check-approval");
        await Assertions.Expect(agent.Locator("#ask-customer")).ToBeVisibleAsync();
        await Assertions.Expect(agent.Locator("#start-session")).ToHaveCountAsync(0);

        await AskAsync(agent, "T-APPROVE");
        await theirs.ReloadAsync();
        await theirs.WaitForInteractiveAsync();
        await RequestOf(theirs, agentName).Locator("[id^='approve-']").ClickAsync();
        await Assertions.Expect(PastRequest(theirs, "T-APPROVE")).ToContainTextAsync("Approved for 15 minutes");

        await agent.ClickAsync("#check-approval");
        await Assertions.Expect(agent.Locator("#approval-status")).ToContainTextAsync("Approved for 15 minutes");
        await Task.WhenAll(agent.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/"), agent.ClickAsync("#start-session"));
        await Assertions.Expect(agent.Locator(".support-banner")).ToContainTextAsync(agentName);
        await Task.WhenAll(agent.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/support"), agent.ClickAsync("#end-support-session"));

        // A request nobody answers expires after 24 hours. Requests are permanent (the database refuses to move one in
        // time), so this one is written as the agent's request of 25 hours ago would stand today.
        await app.SupportBy(staff).RequestAsync(customer.Id, DateTime.UtcNow.AddHours(-25), minutes: 15, ticket: "T-EXPIRE");
        await ChooseCustomerAsync(agent, customer.FullName, customer.FullName);
        await theirs.ReloadAsync();
        await theirs.WaitForInteractiveAsync();
        await Assertions.Expect(RequestOf(theirs, agentName)).ToHaveCountAsync(0);
        await Assertions.Expect(PastRequest(theirs, "T-EXPIRE")).ToContainTextAsync("Expired without an answer");
        // Nothing is pending any more: the agent may ask again.
        await Assertions.Expect(agent.Locator("#ask-customer")).ToBeVisibleAsync();

        await using var check = app.CreateDbContext();
        var sessions = await check.SupportSessions.Where(s => s.AgentUserId == staff.Id && s.CustomerId == customer.Id).ToListAsync();
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
