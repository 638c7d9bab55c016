using Bunit;
using Bunit.Rendering;
using Com1ControlPanel.Features.Domains.ContactMoves;
using Com1ControlPanel.Tests.Features.Hostmaster;

namespace Com1ControlPanel.Tests.Features.Domains.ContactMoves;

/// <summary>The domain page's Technical Contact section as the customer uses it: ask, see the steps, cancel, be told why not.</summary>
public sealed class TechnicalContactMovePanelTests() : ComponentTest(DomainSteps.Start)
{
    private TestCustomer customer = null!;
    private Com1ControlPanel.Features.Domains.Domain domain = null!;

    protected override async Task ArrangeAsync()
    {
        (customer, domain) = await Kit.CustomerWithDomainAsync("Dora Domain");
        SignIn(customer.Principal);
    }

    private IRenderedComponent<ContainerFragment> RenderPanel() => RenderPage<TechnicalContactMovePanel>(new Dictionary<string, object?>
    {
        [nameof(TechnicalContactMovePanel.DomainId)] = domain.Id,
        [nameof(TechnicalContactMovePanel.Path)] = $"domains/{domain.Name}",
    });

    private static async Task FillAsync(IRenderedComponent<ContainerFragment> page, string id, string value) =>
        await page.Find($"#{id}").InputAsync(new() { Value = value });

    [Fact]
    public async Task The_customer_asks_with_the_form_and_then_sees_the_request_waiting_with_its_first_step()
    {
        var page = RenderPanel();
        Assert.Contains("Com 1 Communications (Com 1 Hostmaster)", page.WaitForElement("#move-intro").TextContent);

        await page.Find("#move-start").ClickAsync(new());
        await FillAsync(page, "move-company", "Rheinhost GmbH");
        await FillAsync(page, "move-contact", "Jana Roth");
        await FillAsync(page, "move-email", "hostmaster@rheinhost.example");
        await FillAsync(page, "move-phone", "+49 221 12345678");
        await page.Find("#move-form").SubmitAsync();

        var card = page.WaitForElement(".move-timeline").ParentElement!;
        Assert.Contains("Waiting for a hostmaster", card.TextContent);
        Assert.Contains("+49 221 12345678", card.TextContent);
        Assert.Contains("Requested · You", page.Find(".move-timeline").TextContent);
        Assert.Contains("Your request is with Com 1's hostmaster", page.Find("#move-notice").TextContent);
        Assert.NotNull(page.Find("#move-cancel"));
    }

    [Fact]
    public async Task Bad_values_get_their_message_at_the_field_and_nothing_is_sent()
    {
        var page = RenderPanel();
        await page.WaitForElement("#move-start").ClickAsync(new());
        await FillAsync(page, "move-email", "not an address");
        await FillAsync(page, "move-phone", "0221 12345678");

        await page.Find("#move-form").SubmitAsync();

        var text = page.Find("#move-form").TextContent;
        Assert.Contains("Enter the name of the company that becomes the Technical Contact.", text);
        Assert.Contains("Enter an email address such as hostmaster@example.com.", text);
        Assert.Contains("Enter the phone number in international form", text);
        await using var db = Kit.CreateDbContext();
        Assert.False(await db.TechnicalContactMoves.AnyAsync(m => m.DomainId == domain.Id));
    }

    [Fact]
    public async Task Cancelling_asks_first_then_the_request_is_listed_as_cancelled_and_a_new_one_can_be_asked()
    {
        await Kit.RequestMoveAsync(customer, domain);
        var page = RenderPanel();

        // Not awaited: the click's handler waits for the customer's answer in the dialog.
        page.WaitForElement("#move-cancel").Click();
        var confirm = page.WaitForElement(".mud-dialog .mud-dialog-actions button:last-child");
        Assert.Contains("The Technical Contact stays Com 1 Communications (Com 1 Hostmaster)", page.Find(".mud-dialog").TextContent);
        await confirm.ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Your request is cancelled", page.Find("#move-notice").TextContent));
        Assert.Contains("Cancelled · You", page.Find(".move-timeline").TextContent);
        Assert.NotNull(page.Find("#move-start"));
    }

    [Fact]
    public async Task A_request_asked_meanwhile_elsewhere_is_linked_instead_of_a_second_one()
    {
        var page = RenderPanel();
        await page.WaitForElement("#move-start").ClickAsync(new());
        // Another tab (or support on the phone) was quicker.
        var open = await Kit.RequestMoveAsync(customer, domain);
        await FillAsync(page, "move-company", "Other Host AG");
        await FillAsync(page, "move-contact", "Otto Other");
        await FillAsync(page, "move-email", "otto@otherhost.example");
        await FillAsync(page, "move-phone", "+49 30 901820");

        await page.Find("#move-form").SubmitAsync();

        Assert.Contains("already has an open request", page.WaitForElement("#move-notice").TextContent);
        Assert.Equal($"domains/{domain.Name}#technical-contact-move-{open}", page.Find("#move-open-link").GetAttribute("href"));
        Assert.NotNull(page.Find($"#technical-contact-move-{open}"));
        await using var db = Kit.CreateDbContext();
        Assert.False(await db.TechnicalContactMoves.AnyAsync(m => m.Company == "Other Host AG"));
    }
}
