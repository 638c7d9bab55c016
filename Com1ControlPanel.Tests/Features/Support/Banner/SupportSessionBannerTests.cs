using Bunit;
using Bunit.TestDoubles;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Banner;

namespace Com1ControlPanel.Tests.Features.Support.Banner;

/// <summary>The banner on the agent's page while they act in a customer's account, as the session ends elsewhere.</summary>
public sealed class SupportSessionBannerTests() : ComponentTest(now: new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero))
{
    private SupportSession session = null!;

    protected override async Task ArrangeAsync()
    {
        var agent = await Kit.Staff.NewAgentAsync("Dana Agent");
        await Kit.Customers.NewAsync("Cora Test", id: "cora");
        session = await Kit.SupportBy(agent).SessionAsync("cora", Kit.Now, minutes: 30);
        SignIn(Principals.InSession("cora", session.Id, agent.Id, agent.Name));
    }

    private IRenderedComponent<SupportSessionBanner> RenderRunning()
    {
        var banner = Render<SupportSessionBanner>();
        banner.WaitForAssertion(() => Assert.Contains("left.", banner.Find(".support-banner").TextContent));
        return banner;
    }

    [Theory]
    [InlineData(SessionEnding.EndedByAdmin)]
    [InlineData(SessionEnding.EndedByCustomer)]
    public async Task An_ending_by_someone_else_stops_the_countdown_at_once_and_hands_the_agent_back(SessionEnding ending)
    {
        var banner = RenderRunning();

        await Kit.Get<SupportSessionEnding>().EndAsync(session.Id, ending, "someone-else");

        banner.WaitForAssertion(() => Assert.Contains("Session ended", banner.Find(".support-banner").TextContent));
        Assert.DoesNotContain("left.", banner.Find(".support-banner").TextContent);
        Assert.Empty(banner.FindAll("#end-support-session"));
        // The page reloads, and the server gives the browser back to the agent.
        var navigation = (BunitNavigationManager)Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        banner.WaitForAssertion(() => Assert.Contains(navigation.History, visit => visit.Options.ForceLoad));
    }

    [Fact]
    public async Task Ended_from_the_agents_other_tab_the_banner_says_so_and_leads_back_to_the_console()
    {
        var banner = RenderRunning();

        await Kit.Get<SupportSessionEnding>().EndAsync(session.Id, SessionEnding.EndedByAgent, "agent");

        banner.WaitForAssertion(() => Assert.Contains("Session ended", banner.Find(".support-banner").TextContent));
        Assert.Empty(banner.FindAll("#end-support-session"));
        Assert.Equal("Back to the support console", banner.Find("#back-to-console").TextContent.Trim());
    }
}
