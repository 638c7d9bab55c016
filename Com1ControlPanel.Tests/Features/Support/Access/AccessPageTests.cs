using System.Security.Claims;
using Bunit;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Access;
using Microsoft.AspNetCore.Components;
using static Com1ControlPanel.Tests.Features.Support.Access.AccessTestData;

namespace Com1ControlPanel.Tests.Features.Support.Access;

public sealed class AccessPageTests() : ComponentTest(now: Start)
{
    private StaffMember dana = null!;
    private TestSupportHistory support = null!;

    protected override async Task ArrangeAsync()
    {
        dana = await Kit.Staff.NewAgentAsync("Dana Reyes");
        support = Kit.SupportBy(dana);
    }

    private async Task<string> CustomerAsync(string id) => (await Kit.Customers.NewAsync($"{id} Test", id: id)).Id;

    /// <summary>The live page as <paramref name="user"/> sees it.</summary>
    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderPageAs(ClaimsPrincipal user)
    {
        SignIn(user);
        var host = RenderPage<AccessPage>();
        host.WaitForElement("#approval-heading");
        return host;
    }

    private async Task<SupportAccessRequest> StoredAsync(Guid id)
    {
        await using var db = Kit.CreateDbContext();
        return await db.SupportAccessRequests.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    [Fact]
    public async Task A_customer_nobody_accessed_is_told_so_in_every_section()
    {
        var page = RenderPageAs(Principals.Customer(await CustomerAsync("new")));

        Assert.Equal("Who accessed my account", page.Find("h1").TextContent);
        Assert.StartsWith("No one from Com 1 support has accessed your account.", page.Find("#sessions-empty").TextContent.Trim());
        Assert.StartsWith("No requests are waiting for you.", page.Find("#pending-empty").TextContent.Trim());
        Assert.NotEmpty(page.FindAll("#past-requests-empty"));
        Assert.Equal("No sign-ins recorded yet.", page.Find("#sign-ins-empty").TextContent.Trim());
        var setting = page.Find("#require-approval");
        Assert.Equal("checkbox", setting.GetAttribute("type"));
        Assert.False(setting.HasAttribute("disabled"));
        Assert.Contains("Support must ask me before accessing my account", setting.Closest("label")!.TextContent);
        Assert.Empty(page.FindAll("#support-read-only"));
    }

    [Fact]
    public async Task Switching_approval_on_from_the_page_saves_it_and_explains_what_it_now_means()
    {
        var alice = await CustomerAsync("alice");
        var page = RenderPageAs(Principals.Customer(alice));
        Assert.StartsWith("Off:", page.Find("#approval-explained").TextContent.Trim());

        await page.Find("#require-approval").ChangeAsync(new ChangeEventArgs { Value = true });

        page.WaitForAssertion(() => Assert.StartsWith("On:", page.Find("#approval-explained").TextContent.Trim()));
        await using var db = Kit.CreateDbContext();
        Assert.True((await db.Customers.SingleAsync(c => c.Id == alice)).RequireSupportApproval);
    }

    [Fact]
    public async Task A_session_shows_who_why_and_how_it_ended_and_its_changes_open_on_request()
    {
        var alice = await CustomerAsync("alice");
        var session = await support.SessionAsync(alice, Kit.Now.AddDays(-1), ending: SessionEnding.EndedByAgent, endedAt: Kit.Now.AddDays(-1).AddMinutes(7), ticket: "T-48213");
        await support.PhoneChangeAsync(alice, session.StartedAt.AddMinutes(3), session.Id);
        await support.SignInsAsync(alice, 12, Kit.Now);
        var page = RenderPageAs(Principals.Customer(alice));

        var card = page.Find($"#session-{session.Id}");
        Assert.Contains("Dana Reyes", card.TextContent);
        Assert.Contains("You asked Com 1 support for help", card.TextContent);
        Assert.Contains("T-48213", card.TextContent);
        Assert.Contains("by the agent", card.TextContent);
        Assert.DoesNotContain("Phone changed", card.TextContent);

        var toggle = card.QuerySelector("button[aria-controls]")!;
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        await toggle.ClickAsync(new());

        var expanded = page.Find($"#session-{session.Id}");
        Assert.Equal("true", expanded.QuerySelector("button[aria-controls]")!.GetAttribute("aria-expanded"));
        Assert.Contains("Phone changed", page.Find($"#session-actions-{session.Id}").TextContent);
        // Not all twelve at first: the rest are offered, and together they are all of them.
        var shown = page.FindAll("#sign-ins tbody tr").Count;
        Assert.InRange(shown, 1, 11);
        Assert.Contains($"Show {12 - shown} older sign-ins", page.Find("#sign-ins-more").TextContent);
    }

    [Fact]
    public async Task Approving_on_the_page_opens_the_window_and_moves_the_request_to_past_requests()
    {
        var bob = await CustomerAsync("bob");
        var request = await support.RequestAsync(bob, Kit.Now.AddHours(-1), minutes: 20);
        var page = RenderPageAs(Principals.Customer(bob));
        Assert.Contains("answer within 23 h 0 min", page.Find($"#request-{request.Id}").TextContent);

        await page.Find($"#approve-{request.Id}").ClickAsync(new());

        page.WaitForElement("#pending-empty");
        Assert.Contains("Approved for 20 minutes", page.Find("#past-requests").TextContent);
        var stored = await StoredAsync(request.Id);
        Assert.Equal((AccessRequestStatus.Approved, 20, Kit.Now.AddMinutes(20)), (stored.Status, stored.ApprovedMinutes!.Value, stored.WindowEndsAt!.Value));
    }

    [Fact]
    public async Task Denying_asks_for_confirmation_first_and_cancelling_changes_nothing()
    {
        var bob = await CustomerAsync("bob");
        var request = await support.RequestAsync(bob, Kit.Now.AddHours(-1));
        var page = RenderPageAs(Principals.Customer(bob));

        // Not awaited: the click's handler waits for the answer in the dialog.
        page.Find($"#deny-{request.Id}").Click();
        await page.WaitForElement(".mud-dialog .mud-dialog-actions button:first-child").ClickAsync(new());
        Assert.Equal(AccessRequestStatus.Pending, (await StoredAsync(request.Id)).Status);

        page.Find($"#deny-{request.Id}").Click();
        Assert.Contains("T-2", page.WaitForElement(".mud-dialog").TextContent);
        await page.Find(".mud-dialog .mud-dialog-actions button:last-child").ClickAsync(new());

        page.WaitForElement("#pending-empty");
        Assert.Equal(AccessRequestStatus.Denied, (await StoredAsync(request.Id)).Status);
        Assert.Contains("Denied", page.Find("#past-requests").TextContent);
    }

    [Fact]
    public async Task Support_acting_in_the_account_sees_the_page_with_answers_and_the_switch_disabled()
    {
        var bob = await CustomerAsync("bob");
        var session = await support.SessionAsync(bob, Kit.Now.AddMinutes(-2));
        var request = await support.RequestAsync(bob, Kit.Now.AddHours(-1));

        var page = RenderPageAs(SupportIn(bob, session, dana));

        Assert.NotEmpty(page.FindAll("#support-read-only"));
        Assert.True(page.Find($"#approve-{request.Id}").HasAttribute("disabled"));
        Assert.True(page.Find($"#deny-{request.Id}").HasAttribute("disabled"));
        Assert.True(page.Find("#require-approval").HasAttribute("disabled"));
        Assert.Contains("Active now", page.Find($"#session-{session.Id}").TextContent);
    }
}
