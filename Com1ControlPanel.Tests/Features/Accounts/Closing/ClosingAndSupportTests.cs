using System.Net;
using Com1ControlPanel.Features.Accounts.Closing;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Support;

namespace Com1ControlPanel.Tests.Features.Accounts.Closing;

/// <summary>
/// Closing stays with the customer: support in a session can neither see the closing page nor close; a closed account is
/// never the target of a session, and a session running when the account closes ends with the browser back to the agent.
/// </summary>
public sealed class ClosingAndSupportTests(SupportApp app) : IClassFixture<SupportApp>
{
    private async Task CloseAsync(TestCustomer customer)
    {
        using var scope = app.As(customer.Principal);
        var result = await scope.Get<AccountClosing>().CloseOwnAsync(new CloseAccountForm { Password = customer.Password, Confirmed = true });
        Assert.IsType<AccountClosingResult.Closed>(result);
    }

    [Fact]
    public async Task An_agent_in_a_session_is_sent_away_from_the_closing_page_and_the_refusal_is_recorded()
    {
        var session = await app.StartSupportSessionAsync();

        using var response = await session.AgentBrowser.GetAsync(ClosingSteps.Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SupportSessionGuard.NotAllowedPath, response.Headers.Location?.OriginalString);
        await using var db = app.CreateDbContext();
        Assert.True(await db.SupportAttempts.AnyAsync(a =>
            a.AgentUserId == session.Agent.Id && a.Refusal == SupportRefusal.ForbiddenDuringSession));
    }

    [Fact]
    public async Task A_hand_made_closing_post_in_a_session_is_refused_and_closes_nothing()
    {
        var session = await app.StartSupportSessionAsync();

        using var response = await session.AgentBrowser.PostFormAsync(ClosingSteps.Page, new Dictionary<string, string>
        {
            ["_handler"] = "close-account", ["Input.Password"] = session.Customer.Password, ["Input.Confirmed"] = "true",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(AccountStatus.Active, (await app.AccountStateAsync(session.Customer.Id)).Status);
    }

    [Fact]
    public async Task The_closing_service_refuses_support_in_a_running_session_even_with_the_customers_password()
    {
        var session = await app.StartSupportSessionAsync();
        using var scope = app.As(Principals.InSession(session.Customer.Id, session.SessionId, session.Agent.Id, session.Agent.Name));

        var refused = await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => scope.Get<AccountClosing>()
            .CloseOwnAsync(new CloseAccountForm { Password = session.Customer.Password, Confirmed = true }));

        // Refused because closing stays with the customer, not because the session had ended.
        Assert.IsNotType<Com1ControlPanel.Infrastructure.Auditing.SupportSessionEndedException>(refused);
        Assert.Equal(AccountStatus.Active, (await app.AccountStateAsync(session.Customer.Id)).Status);
    }

    [Fact]
    public async Task No_session_can_be_started_in_a_closed_account_and_the_agent_is_told_why()
    {
        var agent = await app.Staff.NewAgentAsync();
        var browser = await app.Client().SignedInAsync(agent.Email);
        var customer = await app.Customers.NewAsync("Cody Closed");
        await CloseAsync(customer);

        using var response = await browser.StartSupportSessionAsync(customer.Id);

        Assert.Equal($"/support?customer={customer.Id}&refused={SupportRefusal.AccountClosed}", response.Headers.Location?.OriginalString);
        Assert.Contains("This account is closed, so no support session can be started in it.",
            await browser.GetStringAsync(response.Headers.Location!.OriginalString));
        await using var db = app.CreateDbContext();
        Assert.False(await db.SupportSessions.AnyAsync(s => s.CustomerId == customer.Id));
        Assert.True(await db.SupportAttempts.AnyAsync(a => a.AgentUserId == agent.Id && a.Refusal == SupportRefusal.AccountClosed));
    }

    [Fact]
    public async Task A_session_running_when_the_customer_closes_ends_and_the_agent_gets_their_own_sign_in_back()
    {
        var session = await app.StartSupportSessionAsync();

        await CloseAsync(session.Customer);
        using var response = await session.AgentBrowser.GetAsync("/profile");

        Assert.Equal($"/support?ended={session.SessionId}", response.Headers.Location?.OriginalString);
        await using var db = app.CreateDbContext();
        var stored = await db.SupportSessions.AsNoTracking().SingleAsync(s => s.Id == session.SessionId);
        Assert.Equal(SessionEnding.AccountClosed, stored.Ending);
        Assert.Contains("account was closed, so your session in it ended",
            await session.AgentBrowser.GetStringAsync($"/support?ended={session.SessionId}"));
    }
}
