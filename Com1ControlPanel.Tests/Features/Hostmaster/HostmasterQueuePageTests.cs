using Bunit;
using Com1ControlPanel.Features.Hostmaster;
using Com1ControlPanel.Tests.Features.Domains;

namespace Com1ControlPanel.Tests.Features.Hostmaster;

/// <summary>The queue page as a hostmaster works it: an empty state, take, and a confirmation before finishing.</summary>
public sealed class HostmasterQueuePageTests() : ComponentTest(DomainSteps.Start)
{
    private StaffMember hana = null!;

    protected override async Task ArrangeAsync()
    {
        hana = await Kit.NewHostmasterAsync("Hana Hostmaster");
        SignIn(hana.Principal);
    }

    [Fact]
    public void An_empty_queue_says_so_and_where_new_requests_come_from()
    {
        var page = RenderPage<HostmasterQueuePage>();

        var empty = page.WaitForElement("#queue-empty").TextContent;
        Assert.Contains("No requests are waiting.", empty);
        Assert.Contains("the hostmaster mailbox gets an email for each", empty);
        Assert.Empty(page.FindAll("#queue-in-progress"));
    }

    [Fact]
    public async Task Taking_a_request_offers_complete_and_reject_and_rejecting_needs_a_reason_first()
    {
        var (customer, domain) = await Kit.CustomerWithDomainAsync("Dora Domain");
        var id = await Kit.RequestMoveAsync(customer, domain);
        var page = RenderPage<HostmasterQueuePage>();

        await page.WaitForElement($"#take-{id}").ClickAsync(new());
        page.WaitForElement($"#complete-{id}");
        Assert.Contains("Taken by you", page.Find("#queue-in-progress").TextContent);

        page.Find($"#reject-{id}").Click();
        await page.WaitForElement("#reject-confirm").ClickAsync(new());
        Assert.Contains("Say why in a few words: the customer reads it.", page.Find(".mud-dialog").TextContent);
        Assert.Equal(Com1ControlPanel.Features.Domains.ContactMoves.MoveStatus.Taken, (await Kit.StoredMoveAsync(id)).Status);
    }

    [Fact]
    public async Task Completing_asks_first_and_not_yet_changes_nothing()
    {
        var (customer, domain) = await Kit.CustomerWithDomainAsync("Dora Domain");
        var id = await Kit.TakenMoveAsync(customer, domain, hana);
        var page = RenderPage<HostmasterQueuePage>();

        page.WaitForElement($"#complete-{id}").Click();
        Assert.Contains("Rheinhost GmbH becomes the Technical Contact", page.WaitForElement(".mud-dialog").TextContent);
        await page.Find(".mud-dialog .mud-dialog-actions button:first-child").ClickAsync(new());

        Assert.Null(await Kit.TechnicalContactAsync(domain.Id));
        Assert.NotNull(page.Find($"#complete-{id}"));
    }
}
