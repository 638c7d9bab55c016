using System.Net;

namespace Com1ControlPanel.Tests.Features.Support.Console;

/// <summary>An agent who opens the support console while acting in a customer's account.</summary>
public sealed class ConsoleInSessionTests(SupportApp app) : IClassFixture<SupportApp>
{
    [Fact]
    public async Task The_console_in_a_session_says_whose_account_the_agent_is_in_and_offers_to_end_the_session()
    {
        var session = await app.StartSupportSessionAsync();

        using var console = await session.AgentBrowser.GetAsync("/support");

        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.Equal("/support/in-session", console.Headers.Location?.OriginalString);
        var page = WebUtility.HtmlDecode(await session.AgentBrowser.GetStringAsync("/support/in-session"));
        Assert.Contains($"You are acting in {session.Customer.FullName}'s account", page);
        Assert.Contains("id=\"end-session-for-console\"", page);
        Assert.DoesNotContain("can't open this page", page);
    }

    [Fact]
    public async Task Ending_the_session_from_that_page_opens_the_console()
    {
        var session = await app.StartSupportSessionAsync();
        using var ended = await session.AgentBrowser.PostFormAsync("/support/sessions/end", tokenFrom: "/support/in-session");

        Assert.Equal($"/support?ended={session.SessionId}", ended.Headers.Location?.OriginalString);
        var console = await session.AgentBrowser.GetStringAsync("/support");
        Assert.Contains("Support console", console);
    }

    [Fact]
    public async Task Outside_a_session_the_page_sends_the_agent_to_the_console()
    {
        var agent = await app.Staff.NewAgentAsync();
        var browser = await app.Client().SignedInAsync(agent.Email);

        using var page = await browser.GetAsync("/support/in-session");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/support", new Uri(new Uri("http://panel"), page.Headers.Location!).AbsolutePath);
    }
}
