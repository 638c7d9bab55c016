using System.Net;
using Com1ControlPanel.Data.DemoData;
using Com1ControlPanel.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Tests.Features.Support;

/// <summary>
/// The security-stamp check rebuilds the principal from the database; the session's actor claims must come through it,
/// or the agent would suddenly act as the customer.
/// </summary>
public sealed class SupportRevalidationTests : IDisposable
{
    private readonly SupportApp support = new(revalidateEveryRequest: true);

    public void Dispose() => support.Dispose();

    [Fact]
    public async Task The_agent_stays_the_actor_after_the_principal_is_rebuilt()
    {
        var alice = await support.UserIdAsync("alice@example.com");
        var client = await SupportApp.SignedInAsync(support.Client(), "agent@com1.test", DemoAccounts.Password);
        using (var started = await SupportApp.StartAsync(client, alice))
        {
            Assert.Equal("/", started.Headers.Location?.OriginalString);
        }

        support.Clock.Advance(TimeSpan.FromMinutes(1));
        var dashboard = await client.GetStringAsync("/");
        using var password = await client.GetAsync("/Account/Manage/ChangePassword");

        Assert.Contains("is acting in this account", dashboard);
        Assert.Equal("/support/not-allowed", password.Headers.Location?.OriginalString);
        using var ended = await SupportApp.PostAsync(client, "/support/sessions/end", []);
        Assert.StartsWith("/support?ended=", ended.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/support")).StatusCode);
        await using var db = support.CreateDbContext();
        Assert.Equal(Com1ControlPanel.Features.Support.SessionEnding.EndedByAgent,
            (await db.SupportSessions.SingleAsync(s => s.Ticket == "T-100")).Ending);
    }
}
