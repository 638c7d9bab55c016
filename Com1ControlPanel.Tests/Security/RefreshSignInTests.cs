using System.Net;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Tests.Features.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Issue 9, item 7: rebuilding the sign-in cookie (as the account pages do after a password or email change) keeps a
/// support session's actor claims, so an agent never silently becomes the customer; and the page that rebuilds it for
/// an email change is refused in a session, like the other account pages.
/// </summary>
public sealed class RefreshSignInTests : IClassFixture<RefreshSignInTests.Fixture>
{
    private const string RefreshPath = "/test-only/refresh-sign-in";

    public sealed class Fixture : IDisposable
    {
        public SupportApp Support { get; } = new(services: s => s.AddTransient<IStartupFilter, RefreshEndpoint>());

        public void Dispose() => Support.Dispose();
    }

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

    private readonly SupportApp support;

    public RefreshSignInTests(Fixture fixture) => support = fixture.Support;

    [Fact]
    public async Task Refreshing_the_sign_in_during_a_session_keeps_the_agent_as_the_one_acting()
    {
        var session = await SupportAgents.StartAsync(support);

        using (var refreshed = await session.AgentBrowser.GetAsync(RefreshPath))
        {
            Assert.True(SupportAgents.SignsIn(refreshed), "The refresh writes a new sign-in cookie.");
        }

        var dashboard = await session.AgentBrowser.GetStringAsync("/");
        Assert.Contains("is acting in this account", dashboard);
        // Still a session: what stays with the customer is still refused, and ending still gives the agent back.
        using var manage = await session.AgentBrowser.GetAsync("/Account/Manage/ChangePassword");
        Assert.Equal(SupportSessionGuard.NotAllowedPath, manage.Headers.Location?.OriginalString);
        using var ended = await SupportApp.PostAsync(session.AgentBrowser, SupportEndpoints.EndPath, []);
        Assert.Equal($"/support?ended={session.SessionId}", ended.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Refreshing_keeps_when_the_sign_in_started_so_its_lifetime_does_not_restart()
    {
        var agent = await SupportAgents.CreateAsync(support);
        var browser = await SupportApp.SignedInAsync(support.Client(), agent.Email, Tests.Support.TestCustomers.Password);
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
        var session = await SupportAgents.StartAsync(support);

        using var response = await session.AgentBrowser.GetAsync(
            $"/Account/ConfirmEmailChange?userId={session.Customer.Id}&email=new%40example.com&code=abc");

        Assert.Equal(SupportSessionGuard.NotAllowedPath, response.Headers.Location?.OriginalString);
        await using var db = support.CreateDbContext();
        Assert.Contains(await db.SupportAttempts.Where(a => a.AgentUserId == session.Agent.Id).ToListAsync(),
            a => a.Refusal == SupportRefusal.ForbiddenDuringSession);
    }
}
