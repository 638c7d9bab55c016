using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>
/// "Withdraw request" in the console: the agent takes back a request the customer has not answered, after confirming; the
/// customer's page shows it among the past requests, with nothing left to approve. Each test has its own agent and customer.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class AccessRequestWithdrawalTests(BrowserApp app, DebianChromium chromium)
{
    [Theory]
    [InlineData("light", 1280)]
    [InlineData("dark", 375)]
    public async Task The_agent_withdraws_an_unanswered_request_and_the_customer_sees_it_withdrawn(string theme, int width)
    {
        var staff = await app.Staff.NewAgentAsync(authenticator: true);
        var agent = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await agent.SignInAsync(staff.Email);
        await agent.FillAsync("#two-factor-code", staff.Code());
        await agent.SubmitFromAsync("#two-factor-code");
        await agent.WaitForPathAsync("/");
        var customer = await app.Customers.NewAsync($"Wil {Guid.NewGuid():N}"[..13], with: c => c.RequireSupportApproval = true);

        await agent.GotoAsync("/support");
        await agent.WaitForInteractiveAsync();
        await agent.FillAsync("#support-search", customer.FullName);
        await agent.ClickAsync($"button[aria-label='Choose: {customer.FullName}']");
        await agent.Locator("#start-session-form").WaitForAsync();
        await agent.Locator(".mud-input-control.mud-select", new() { Has = agent.Locator("#session-reason") }).ClickAsync();
        await agent.ClickAsync(".mud-popover-open .mud-list-item:has-text('Support the customer asked for')");
        await agent.FillAsync("#session-ticket", "T-WITHDRAW");
        await agent.FillAsync("#session-note", "Check the mail server settings.");
        await agent.ClickAsync("#ask-customer");
        await Assertions.Expect(agent.Locator("#approval-status")).ToContainTextAsync("Waiting for the customer's answer");
        await agent.ScreenshotForReviewAsync($"withdraw-pending-{theme}-{width}");

        await agent.ClickAsync("#withdraw-request");
        await agent.ScreenshotForReviewAsync($"withdraw-confirm-{theme}-{width}");
        await agent.ClickAsync(".mud-dialog button:has-text('Withdraw request')");
        await Assertions.Expect(agent.Locator("#request-withdrawn")).ToContainTextAsync("withdrawn");
        await Assertions.Expect(agent.Locator("#ask-customer")).ToBeVisibleAsync();
        await Assertions.Expect(agent.Locator("#withdraw-request")).ToHaveCountAsync(0);
        await agent.ScreenshotForReviewAsync($"withdraw-done-{theme}-{width}");

        var theirs = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await theirs.SignInAsync(customer.Email);
        await theirs.GotoAsync("/access");
        await theirs.WaitForInteractiveAsync();
        await Assertions.Expect(theirs.Locator("#pending-requests [role='group']")).ToHaveCountAsync(0);
        await Assertions.Expect(theirs.Locator("#past-requests tr", new() { HasText = "ticket T-WITHDRAW" }))
            .ToContainTextAsync("Withdrawn by the agent");
        await theirs.ScreenshotForReviewAsync($"withdraw-customer-{theme}-{width}");
    }
}
