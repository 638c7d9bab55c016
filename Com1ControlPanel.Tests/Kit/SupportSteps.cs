using System.Net;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>The HTTP steps of a support session as the agent's browser takes them, and what a copy of its cookie would do.</summary>
public static class SupportSteps
{
    /// <summary>Posts the console's start form with the signed-in agent's antiforgery token.</summary>
    public static Task<HttpResponseMessage> StartSupportSessionAsync(this HttpClient agent, string customerId,
        string reason = "CustomerInitiated", string ticket = "T-100", string note = "Help with the phone number", string minutes = "15") =>
        agent.PostFormAsync("/support/sessions/start", new Dictionary<string, string>
        {
            ["customerId"] = customerId, ["reason"] = reason, ["ticket"] = ticket, ["note"] = note, ["minutes"] = minutes,
        });

    /// <summary>"End session" in the banner.</summary>
    public static Task<HttpResponseMessage> EndSupportSessionAsync(this HttpClient agent) => agent.PostFormAsync("/support/sessions/end");

    /// <summary>
    /// A new agent signs in and starts a session in a new customer's account (or <paramref name="customer"/>'s); the
    /// session is found by its customer, who is the test's own, and the cookie is what a copy of it would hold.
    /// </summary>
    public static async Task<RunningSession> StartSupportSessionAsync(this PanelApp app, StaffMember? agent = null,
        HttpClient? agentBrowser = null, TestCustomer? customer = null, string minutes = "15")
    {
        agent ??= await app.Staff.NewAgentAsync();
        agentBrowser ??= await app.Client().SignedInAsync(agent.Email);
        customer ??= await app.Customers.NewAsync("Cora Copy");
        using var started = await agentBrowser.StartSupportSessionAsync(customer.Id, minutes: minutes);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal("/", started.Headers.Location?.OriginalString);
        var cookie = string.Join("; ", started.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        await using var db = app.CreateDbContext();
        var sessionId = await db.SupportSessions.Where(s => s.CustomerId == customer.Id && s.EndedAt == null).Select(s => s.Id).SingleAsync();
        return new RunningSession(agentBrowser, cookie, sessionId, agent, customer);
    }

    /// <summary>Another browser holding a copy of <paramref name="cookie"/>: what an attacker who copied it would send.</summary>
    public static HttpClient Replaying(this PanelApp app, string cookie)
    {
        var client = app.Client(keepCookies: false);
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>True when the response hands out a sign-in cookie with a value (a sign-in), not one that deletes it.</summary>
    public static bool SignsIn(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith("com1.auth=", StringComparison.Ordinal) && !c.StartsWith("com1.auth=;", StringComparison.Ordinal)
                            && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
}

/// <summary>A support session a test started: the agent's browser, a copy of its cookie, its id, and who is in it.</summary>
public sealed record RunningSession(HttpClient AgentBrowser, string SessionCookie, Guid SessionId, StaffMember Agent, TestCustomer Customer);
