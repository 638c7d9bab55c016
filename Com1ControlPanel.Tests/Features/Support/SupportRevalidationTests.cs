using System.Net;
using Com1ControlPanel.Features.Support;
using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Tests.Features.Support;

/// <summary>
/// The security-stamp check rebuilds the principal from the database; the session's actor claims must come through it,
/// or the agent would suddenly act as the customer.
/// </summary>
public sealed class SupportRevalidationTests : IDisposable
{
    // The stamp is checked on every request, so every request rebuilds the principal.
    private readonly PanelApp app = PanelApp.With(SupportApp.Options.WithServices(s =>
        s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero)) with { FakeClock = true });

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_agent_stays_the_actor_after_the_principal_is_rebuilt()
    {
        var session = await app.StartSupportSessionAsync();

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var dashboard = await session.AgentBrowser.GetStringAsync("/");
        using var password = await session.AgentBrowser.GetAsync("/Account/Manage/ChangePassword");

        Assert.Contains("is acting in this account", dashboard);
        Assert.Equal("/support/not-allowed", password.Headers.Location?.OriginalString);
        using var ended = await session.AgentBrowser.EndSupportSessionAsync();
        Assert.StartsWith("/support?ended=", ended.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await session.AgentBrowser.GetAsync("/support")).StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(SessionEnding.EndedByAgent, (await db.SupportSessions.SingleAsync(s => s.Id == session.SessionId)).Ending);
    }
}
