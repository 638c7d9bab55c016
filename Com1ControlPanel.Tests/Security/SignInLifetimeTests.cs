using System.Net;
using Com1ControlPanel.Tests.Features.Support;
using Com1ControlPanel.Tests.Support;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Issue 9, item 5: a sign-in has an absolute lifetime on top of the sliding one: customers sign in again after
/// 12 hours, staff after 8, however busy the browser keeps the cookie. A support session has the agent's limit.
/// </summary>
public sealed class SignInLifetimeTests : IClassFixture<SupportAppFixture>
{
    private readonly SupportApp support;

    public SignInLifetimeTests(SupportAppFixture fixture) => support = fixture.Support;

    /// <summary>Opens <paramref name="path"/> once an hour for <paramref name="hours"/> hours, as a busy person would.</summary>
    private async Task StayBusyAsync(HttpClient browser, string path, int hours)
    {
        for (var hour = 0; hour < hours; hour++)
        {
            support.Clock.Advance(TimeSpan.FromHours(1));
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
        var email = $"life-{Guid.NewGuid():N}"[..16] + "@example.com";
        await TestCustomers.CreateAsync(support.App.Services, email, "Lia Long");
        var browser = await SupportApp.SignedInAsync(support.Client(), email, TestCustomers.Password);

        await StayBusyAsync(browser, "/profile", hours: 11);
        support.Clock.Advance(TimeSpan.FromMinutes(59));
        using (var stillIn = await browser.GetAsync("/profile"))
        {
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        }
        support.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True(await SentToSignInAsync(browser, "/profile"));
    }

    [Fact]
    public async Task A_busy_member_of_staff_signs_in_again_after_eight_hours()
    {
        var agent = await SupportAgents.CreateAsync(support);
        var browser = await SupportApp.SignedInAsync(support.Client(), agent.Email, TestCustomers.Password);

        await StayBusyAsync(browser, "/support", hours: 7);
        support.Clock.Advance(TimeSpan.FromHours(1));

        Assert.True(await SentToSignInAsync(browser, "/support"));
    }

    [Fact]
    public async Task A_support_session_ends_with_the_agents_sign_in_not_the_customers()
    {
        var agent = await SupportAgents.CreateAsync(support);
        var browser = await SupportApp.SignedInAsync(support.Client(), agent.Email, TestCustomers.Password);
        support.Clock.Advance(TimeSpan.FromMinutes(7 * 60 + 50));
        var session = await SupportAgents.StartAsync(support, agent, browser);
        using (var inSession = await session.AgentBrowser.GetAsync("/profile"))
        {
            Assert.Equal(HttpStatusCode.OK, inSession.StatusCode);
        }

        // Eleven minutes into a fifteen-minute session, the agent's eight hours are over: the session cookie stops too.
        support.Clock.Advance(TimeSpan.FromMinutes(11));

        Assert.True(await SentToSignInAsync(session.AgentBrowser, "/profile"));
    }
}
