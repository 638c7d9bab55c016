using System.Net;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Issue 9, item 5: a sign-in has an absolute lifetime on top of the sliding one: customers sign in again after
/// 12 hours, staff after 8, however busy the browser keeps the cookie. A support session has the agent's limit. Each test
/// signs in someone of its own, from wherever the app's clock stands.
/// </summary>
public sealed class SignInLifetimeTests(ClockedSupportApp app) : IClassFixture<ClockedSupportApp>
{
    /// <summary>Opens <paramref name="path"/> once an hour for <paramref name="hours"/> hours, as a busy person would.</summary>
    private async Task StayBusyAsync(HttpClient browser, string path, int hours)
    {
        for (var hour = 0; hour < hours; hour++)
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            using var page = await browser.GetAsync(path);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"Still signed in after {hour + 1} hours.");
        }
    }

    private static async Task<bool> SentToSignInAsync(HttpClient browser, string path)
    {
        using var page = await browser.GetAsync(path);
        return page.StatusCode == HttpStatusCode.Redirect
               && page.Headers.Location?.AbsolutePath.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase) == true;
    }

    [Fact]
    public async Task A_busy_customer_signs_in_again_after_twelve_hours()
    {
        var customer = await app.Customers.NewAsync("Lia Long");
        var browser = await app.Client().SignedInAsync(customer.Email);

        await StayBusyAsync(browser, "/profile", hours: 11);
        app.Clock.Advance(TimeSpan.FromMinutes(59));
        using (var stillIn = await browser.GetAsync("/profile"))
        {
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        }
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True(await SentToSignInAsync(browser, "/profile"));
    }

    [Fact]
    public async Task A_busy_member_of_staff_signs_in_again_after_eight_hours()
    {
        var agent = await app.Staff.NewAgentAsync();
        var browser = await app.Client().SignedInAsync(agent.Email);

        await StayBusyAsync(browser, "/support", hours: 7);
        app.Clock.Advance(TimeSpan.FromHours(1));

        Assert.True(await SentToSignInAsync(browser, "/support"));
    }

    [Fact]
    public async Task A_support_session_ends_with_the_agents_sign_in_not_the_customers()
    {
        var agent = await app.Staff.NewAgentAsync();
        var browser = await app.Client().SignedInAsync(agent.Email);
        app.Clock.Advance(TimeSpan.FromMinutes(7 * 60 + 50));
        var session = await app.StartSupportSessionAsync(agent, browser);
        using (var inSession = await session.AgentBrowser.GetAsync("/profile"))
        {
            Assert.Equal(HttpStatusCode.OK, inSession.StatusCode);
        }

        // Eleven minutes into a fifteen-minute session, the agent's eight hours are over: the session cookie stops too.
        app.Clock.Advance(TimeSpan.FromMinutes(11));

        Assert.True(await SentToSignInAsync(session.AgentBrowser, "/profile"));
    }
}
