using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>The administrators' review of support: past sessions with how they ended, and what agents were refused.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class SupportSessionReviewTests(BrowserApp app, DebianChromium chromium)
{
    public static TheoryData<string, int> Looks => new() { { "light", 1280 }, { "dark", 1280 }, { "light", 375 }, { "dark", 375 } };

    [Theory]
    [MemberData(nameof(Looks))]
    public async Task An_administrator_finds_a_customers_past_session_with_how_it_ended_and_reads_what_the_agent_was_refused(string theme, int width)
    {
        var agent = await app.Staff.NewAgentAsync();
        var customer = await app.Customers.NewAsync($"Petra {Guid.NewGuid():N}"[..14]);
        var started = DateTime.UtcNow.AddHours(-2);
        await app.SupportBy(agent).SessionAsync(customer.Id, started, ending: SessionEnding.EndedByCustomer, endedAt: started.AddMinutes(7),
            ticket: "T-REVIEW");
        await app.Get<SupportAttempts>().RecordAsync(agent.Id, customer.Id, SupportRefusal.ForbiddenDuringSession, "/Account/Manage/CloseAccount");
        var admin = await app.Staff.NewAsync(Roles.Admin);
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await page.SignInAsync(admin.Email);

        await page.GotoAsync("/admin/support-sessions");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#past-customer", customer.CustomerNumber);

        // The filter applies once typing pauses: until then other tests' sessions are listed too.
        var session = page.Locator("#past-sessions [role=listitem]");
        await Assertions.Expect(session).ToHaveCountAsync(1);
        await Assertions.Expect(session).ToContainTextAsync("T-REVIEW");
        await Assertions.Expect(session).ToContainTextAsync($"{agent.Name} in {customer.FullName}'s account");
        await Assertions.Expect(session).ToContainTextAsync(customer.CustomerNumber);
        await Assertions.Expect(session).ToContainTextAsync("Lasted 7 min · Ended by the customer");
        await Assertions.Expect(page.Locator("#refused-attempts")).ToContainTextAsync(
            "Tried to open Close account (/Account/Manage/CloseAccount) during a session");
        await AccessibilityChecks.AssertNoViolationsAsync(page);
        await page.ScreenshotForReviewAsync($"admin-support-sessions-{width}-{theme}");

        await page.FillAsync("#past-customer", "no customer is called this");
        await Assertions.Expect(page.Locator("#no-past-sessions")).ToContainTextAsync("No past session matches these filters. Clear the filters to see all.");
        await page.ScreenshotForReviewAsync($"admin-support-sessions-empty-{width}-{theme}");
    }
}
