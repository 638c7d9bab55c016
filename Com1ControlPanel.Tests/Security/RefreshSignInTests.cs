using System.Net;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Issue 9, item 7: rebuilding the sign-in cookie (as the account pages do after a password or email change) keeps a
/// support session's actor claims, so an agent never silently becomes the customer; and the page that rebuilds it for
/// an email change is refused in a session, like the other account pages.
/// </summary>
public sealed class RefreshSignInTests(RefreshSignInTests.RefreshingApp support) : IClassFixture<RefreshSignInTests.RefreshingApp>
{
    private const string RefreshPath = "/test-only/refresh-sign-in";

    /// <summary>The support app on a clock the tests move, with a way to refresh the sign-in by a plain request.</summary>
    public sealed class RefreshingApp() : PanelApp((SupportApp.Options with { FakeClock = true })
        .WithServices(s => s.AddTransient<IStartupFilter, RefreshEndpoint>()));

    /// <summary>What ChangePassword, SetPassword and the authenticator pages call, reachable by a plain request.</summary>
    private sealed class RefreshEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Not app.Map: that would move the path base, and the new cookie would only be sent back to this path.
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != RefreshPath)
                {
                    await nextMiddleware(context);
                    return;
                }
                var signedIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
                var users = context.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
                var user = await users.GetUserAsync(signedIn.Principal!);
                await context.RequestServices.GetRequiredService<SignInManager<ApplicationUser>>().RefreshSignInAsync(user!);
            });
            next(app);
        };
    }

    [Fact]
    public async Task Refreshing_the_sign_in_during_a_session_keeps_the_agent_as_the_one_acting()
    {
        var session = await support.StartSupportSessionAsync();

        using (var refreshed = await session.AgentBrowser.GetAsync(RefreshPath))
        {
            Assert.True(SupportSteps.SignsIn(refreshed), "The refresh writes a new sign-in cookie.");
        }

        var dashboard = await session.AgentBrowser.GetStringAsync("/");
        Assert.Contains("is acting in this account", dashboard);
        // Still a session: what stays with the customer is still refused, and ending still gives the agent back.
        using var manage = await session.AgentBrowser.GetAsync("/Account/Manage/ChangePassword");
        Assert.Equal("/support/not-allowed", manage.Headers.Location?.OriginalString);
        using var ended = await session.AgentBrowser.EndSupportSessionAsync();
        Assert.Equal($"/support?ended={session.SessionId}", ended.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Refreshing_keeps_when_the_sign_in_started_so_its_lifetime_does_not_restart()
    {
        var agent = await support.Staff.NewAgentAsync();
        var browser = await support.Client().SignedInAsync(agent.Email);
        // Busy all day, so the sliding expiry never ends the sign-in; the refresh comes late in the afternoon.
        for (var hour = 1; hour <= 7; hour++)
        {
            support.Clock.Advance(TimeSpan.FromHours(1));
            using var page = await browser.GetAsync(hour == 6 ? RefreshPath : "/support");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        support.Clock.Advance(TimeSpan.FromHours(1));

        using var later = await browser.GetAsync("/support");
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.Equal("/Account/Login", later.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Confirming_an_email_change_is_refused_during_a_session_and_recorded()
    {
        var session = await support.StartSupportSessionAsync();

        using var response = await session.AgentBrowser.GetAsync(
            $"/Account/ConfirmEmailChange?userId={session.Customer.Id}&email=new%40example.com&code=abc");

        Assert.Equal("/support/not-allowed", response.Headers.Location?.OriginalString);
        await using var db = support.CreateDbContext();
        Assert.Contains(await db.SupportAttempts.Where(a => a.AgentUserId == session.Agent.Id).ToListAsync(),
            a => a.Refusal == SupportRefusal.ForbiddenDuringSession);
    }
}
