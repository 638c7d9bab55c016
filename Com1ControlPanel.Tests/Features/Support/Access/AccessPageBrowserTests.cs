using Com1ControlPanel.Features.Support;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.Features.Support.Access;

/// <summary>
/// /access in the browser: axe-core's WCAG 2.1 A and AA rules on a customer's sessions and requests, and an approval by
/// keyboard. Each test makes its customers, their agent and what the agent did.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class AccessPageBrowserTests(BrowserApp app, DebianChromium chromium)
{
    private async Task<IPage> OpenAccessPageAsync(TestCustomer customer, string theme = "light", int width = 1280)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await page.SignInAsync(customer.Email);
        await page.GotoAsync("/access");
        await page.WaitForInteractiveAsync();
        return page;
    }

    [Theory]
    [InlineData("light", 1280)]
    [InlineData("dark", 375)]
    public async Task Sessions_with_their_actions_and_pending_and_answered_requests_pass_wcag_aa(string theme, int width)
    {
        var now = DateTime.UtcNow;
        var agent = await app.Staff.NewAgentAsync();
        var support = app.SupportBy(agent);
        var helped = await app.Customers.NewAsync("Hana Helped");
        var session = await support.SessionAsync(helped.Id, now.AddDays(-2), ending: SessionEnding.EndedByAgent, endedAt: now.AddDays(-2).AddMinutes(20));
        await support.PhoneChangeAsync(helped.Id, now.AddDays(-2).AddMinutes(5), session.Id);
        var asked = await app.Customers.NewAsync("Asa Asked");
        await support.RequestAsync(asked.Id, now.AddHours(-1), ticket: "T-48377");
        await support.RequestAsync(asked.Id, now.AddDays(-5), status: AccessRequestStatus.Denied, ticket: "T-47001");

        var sessions = await OpenAccessPageAsync(helped, theme, width);
        var toggle = sessions.Locator($"#session-{session.Id} button[aria-controls]");
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(sessions.Locator($"#session-actions-{session.Id}")).ToContainTextAsync("Phone changed");
        await AccessibilityChecks.AssertNoViolationsAsync(sessions);
        await AssertFitsAsync(sessions, width);

        var requests = await OpenAccessPageAsync(asked, theme, width);
        await Assertions.Expect(requests.Locator("#pending-requests")).ToContainTextAsync("T-48377");
        await Assertions.Expect(requests.Locator("#past-requests")).ToContainTextAsync("Denied");
        await AccessibilityChecks.AssertNoViolationsAsync(requests);
        await AssertFitsAsync(requests, width);
        await requests.Locator("button[id^=deny-]").ClickAsync();
        await requests.Locator(".mud-dialog").WaitForAsync();
        await AccessibilityChecks.AssertNoViolationsAsync(requests);
    }

    [Fact]
    public async Task A_customer_approves_for_less_time_than_asked_with_the_keyboard()
    {
        var customer = await app.Customers.NewAsync("Aria Approver");
        var agent = await app.Staff.NewAgentAsync();
        var requestId = (await app.SupportBy(agent).RequestAsync(customer.Id, DateTime.UtcNow, minutes: 30, ticket: "T-90001")).Id;
        var page = await OpenAccessPageAsync(customer);

        // Open the duration picker and choose with the arrow keys, then approve with Enter.
        await OpenWithEnterAsync(page, page.Locator($"#minutes-{requestId}"));
        // 30 minutes (as asked) is chosen at first; three steps up is 10.
        for (var step = 0; step < 3; step++)
        {
            await page.Keyboard.PressAsync("ArrowUp");
        }
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator($"#approve-{requestId}")).ToHaveAttributeAsync("aria-label", $"Approve {agent.Name}'s request for 10 minutes");
        await page.Locator($"#approve-{requestId}").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#past-requests")).ToContainTextAsync("Approved for 10 minutes (of 30 minutes asked)");
        await Assertions.Expect(page.Locator("#pending-empty")).ToBeVisibleAsync();
        await using var check = app.CreateDbContext();
        var stored = await check.SupportAccessRequests.SingleAsync(r => r.Id == requestId);
        Assert.Equal((AccessRequestStatus.Approved, 10), (stored.Status, stored.ApprovedMinutes));
    }

    /// <summary>
    /// Presses Enter on a select until its list opens: MudBlazor listens for keys only once its script has caught up with
    /// the first render, a moment after the page turns interactive.
    /// </summary>
    private static async Task OpenWithEnterAsync(IPage page, ILocator select)
    {
        var options = page.Locator(".mud-popover-open .mud-list-item").First;
        for (var attempt = 0; attempt < 10 && !await options.IsVisibleAsync(); attempt++)
        {
            await select.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            try
            {
                await options.WaitForAsync(new() { Timeout = 1_000 });
            }
            catch (TimeoutException)
            {
                // Not listening yet: try again.
            }
        }
        await options.WaitForAsync();
    }

    private static async Task AssertFitsAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The page is {scrollWidth} px wide in a {width} px window.");
    }
}
