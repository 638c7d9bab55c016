using System.Net;
using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Features.Support;
using Com1ControlPanel.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Agents and customers made for one test, and a support session between them over HTTP, so a test may lock an agent
/// or change their password without touching the demo accounts other tests use.
/// </summary>
internal static class SupportAgents
{
    public sealed record Agent(string Id, string Email);

    public sealed record RunningSession(HttpClient AgentBrowser, string SessionCookie, Guid SessionId, Agent Agent, Customer Customer);

    public static async Task<Agent> CreateAsync(SupportApp support)
    {
        var email = $"agent-{Guid.NewGuid():N}"[..18] + "@com1.test";
        await using var scope = support.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var agent = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Rey " + email[6..12] };
        Assert.True((await users.CreateAsync(agent, TestCustomers.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(agent, Roles.SupportAgent)).Succeeded);
        return new Agent(agent.Id, email);
    }

    /// <summary>A new agent signs in and starts a session in a new customer's account; the cookie is what a copy would hold.</summary>
    public static async Task<RunningSession> StartAsync(SupportApp support)
    {
        var agent = await CreateAsync(support);
        return await StartAsync(support, agent, await SupportApp.SignedInAsync(support.Client(), agent.Email, TestCustomers.Password));
    }

    /// <summary>An agent already signed in in <paramref name="browser"/> starts a session in a new customer's account.</summary>
    public static async Task<RunningSession> StartAsync(SupportApp support, Agent agent, HttpClient browser)
    {
        var customer = await TestCustomers.CreateAsync(support.App.Services, $"cust-{Guid.NewGuid():N}"[..16] + "@example.com", "Cora Copy");
        using var started = await SupportApp.StartAsync(browser, customer.Id);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal("/", started.Headers.Location?.OriginalString);
        var cookie = string.Join("; ", started.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        await using var db = support.CreateDbContext();
        var sessionId = await db.SupportSessions.Where(s => s.CustomerId == customer.Id).Select(s => s.Id).SingleAsync();
        return new RunningSession(browser, cookie, sessionId, agent, customer);
    }

    /// <summary>Another browser holding a copy of <paramref name="cookie"/>: what an attacker who copied it would send.</summary>
    public static HttpClient Replaying(SupportApp support, string cookie)
    {
        var client = support.Client(handleCookies: false);
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>True when the response hands out a sign-in cookie with a value (a sign-in), not one that deletes it.</summary>
    public static bool SignsIn(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith("com1.auth=", StringComparison.Ordinal) && !c.StartsWith("com1.auth=;", StringComparison.Ordinal)
                            && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));

    public static ClaimsPrincipal CustomerPrincipal(Customer customer) => SignedIn.As(customer.Id, customer.FullName, Roles.Customer);
}
