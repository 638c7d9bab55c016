using Com1ControlPanel.Data;
using Com1ControlPanel.Data.DemoData;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Tests.EndToEnd;
using Com1ControlPanel.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.Features.Support.Access;

/// <summary>/access in the browser: axe-core's WCAG 2.1 A and AA rules on the demo accounts' pages, and an approval by keyboard.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class AccessPageBrowserTests(PanelServer server, DebianChromium chromium)
{

    private async Task<IPage> OpenAccessPageAsync(string email, string password, string theme = "light", int width = 1280)
    {
        var page = await chromium.NewPageAsync(server.BaseAddress);
        await page.SetViewportSizeAsync(width, 900);
        await page.Context.AddCookiesAsync([new Cookie { Name = "com1-theme", Value = theme, Url = server.BaseAddress.ToString() }]);
        await page.SignInAsync(email, password);
        await page.GotoAsync("/access");
        await page.WaitForInteractiveAsync();
        return page;
    }

    [Theory]
    [InlineData("light", 1280)]
    [InlineData("dark", 375)]
    public async Task Alices_sessions_and_bobs_requests_pass_wcag_aa(string theme, int width)
    {
        var alice = await OpenAccessPageAsync("alice@example.com", DemoAccounts.Password, theme, width);
        var toggle = alice.Locator("[id^=session-] button[aria-controls]").First;
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(alice.Locator("[id^=session-actions-]").First).ToContainTextAsync("Phone changed");
        await AccessibilityChecks.AssertNoViolationsAsync(alice);
        await AssertFitsAsync(alice, width);

        // Bob's page is only looked at: other tests share the demo accounts.
        var bob = await OpenAccessPageAsync("bob@example.com", DemoAccounts.Password, theme, width);
        await Assertions.Expect(bob.Locator("#pending-requests")).ToContainTextAsync("T-48377");
        await Assertions.Expect(bob.Locator("#past-requests")).ToContainTextAsync("Denied");
        await AccessibilityChecks.AssertNoViolationsAsync(bob);
        await AssertFitsAsync(bob, width);
        await bob.Locator("button[id^=deny-]").ClickAsync();
        await bob.Locator(".mud-dialog").WaitForAsync();
        await AccessibilityChecks.AssertNoViolationsAsync(bob);
    }

    [Fact]
    public async Task A_customer_approves_for_less_time_than_asked_with_the_keyboard()
    {
        var email = $"approve-{Guid.NewGuid():N}"[..16] + "@example.com";
        var customer = await TestCustomers.CreateAsync(server.App.Services, email, "Aria Approver");
        Guid requestId;
        await using (var db = server.App.CreateDbContext())
        {
            var agent = await db.Users.SingleAsync(u => u.Email == "agent@com1.test");
            var now = DateTime.UtcNow;
            var request = new SupportAccessRequest
            {
                AgentUserId = agent.Id, AgentName = agent.DisplayName, CustomerId = customer.Id, Reason = SupportReason.TechnicalIncident,
                Ticket = "T-90001", RequestedMinutes = 30, RequestedAt = now, AnswerBy = now.AddHours(24),
            };
            db.SupportAccessRequests.Add(request);
            await db.SaveChangesAsync();
            requestId = request.Id;
        }
        var page = await OpenAccessPageAsync(email, TestCustomers.Password);

        // Open the duration picker and choose with the arrow keys, then approve with Enter.
        await OpenWithEnterAsync(page, page.Locator($"#minutes-{requestId}"));
        // 30 minutes (as asked) is chosen at first; three steps up is 10.
        for (var step = 0; step < 3; step++)
        {
            await page.Keyboard.PressAsync("ArrowUp");
        }
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator($"#approve-{requestId}")).ToHaveAttributeAsync("aria-label", "Approve Dana Reyes's request for 10 minutes");
        await page.Locator($"#approve-{requestId}").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#past-requests")).ToContainTextAsync("Approved for 10 minutes (of 30 minutes asked)");
        await Assertions.Expect(page.Locator("#pending-empty")).ToBeVisibleAsync();
        await using var check = server.App.CreateDbContext();
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
