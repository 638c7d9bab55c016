using Bunit;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Log;
using static Com1ControlPanel.Tests.Kit.TestDisclosures;

namespace Com1ControlPanel.Tests.Features.Disclosures.Log;

public sealed class DisclosuresPageTests : ComponentTest
{
    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderPageFor(string customer)
    {
        SignIn(Principals.Customer(customer));
        return RenderPage<DisclosuresPage>();
    }

    [Fact]
    public async Task A_customer_with_no_entries_is_told_that_nothing_was_shared()
    {
        var page = RenderPageFor(await Kit.CustomerAsync("empty"));

        var empty = page.WaitForElement("#disclosures-empty");
        Assert.Equal("Com 1 has not shared your data with anyone. If it ever does, you will see it here and we will tell you.",
            empty.TextContent.Trim());
        Assert.Empty(page.FindAll("#disclosure-timeline"));
        Assert.Empty(page.FindAll("#verify-log"));
    }

    [Fact]
    public async Task A_released_entry_says_its_notice_was_delayed_as_the_law_required()
    {
        var customer = await Kit.CustomerAsync("released");
        var disclosure = await Kit.Disclosures.RecordAsync(NewDisclosure("Metro Police Department", RecipientCategory.LawEnforcement,
            DisclosureGround.LegalRequirement, notice: NoticeRule.DelayedUntil,
            delayedUntil: new DateTime(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc)), customer);
        await using (var db = Kit.CreateDbContext())
        {
            var entry = await db.DisclosureEntries.SingleAsync(e => e.DisclosureId == disclosure.Id);
            db.DisclosureNotices.Add(new DisclosureNotice { EntryId = entry.Id, CustomerId = customer, NotifiedAt = new DateTime(2026, 11, 28, 0, 1, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync();
        }

        var page = RenderPageFor(customer);

        var card = page.WaitForElement("#entry-1");
        Assert.Contains("Metro Police Department", card.TextContent);
        Assert.Contains("Notice of this disclosure was delayed until 28 November 2026, as the law required.", card.TextContent);
    }

    [Fact]
    public async Task Older_entries_load_on_request_and_details_open_in_a_dialog()
    {
        var customer = await Kit.CustomerAsync("long");
        const int total = DisclosureLogService.PageSize + 5;
        await Kit.Disclosures.RecordManyAsync(customer, total);
        var page = RenderPageFor(customer);

        page.WaitForElement($"#entry-{total}");
        Assert.Equal(DisclosureLogService.PageSize, page.FindAll("[id^=entry-]").Count);
        Assert.Empty(page.FindAll("#entry-5"));
        await page.Find("#load-older").ClickAsync(new());
        page.WaitForElement("#entry-1");
        Assert.Equal(total, page.FindAll("[id^=entry-]").Count);
        Assert.Empty(page.FindAll("#load-older"));

        await page.Find("#entry-3 button").ClickAsync(new());
        var detail = page.WaitForElement("#disclosure-detail");
        var third = await Kit.LogOf(customer).GetDetailAsync(3);
        Assert.Contains("Recipient 3", detail.TextContent);
        Assert.Equal(third!.Hash, page.Find("#detail-hash").TextContent.Trim());
    }

    [Fact]
    public async Task Verifying_shows_the_count_and_the_head_hash()
    {
        var customer = await Kit.CustomerAsync("verify-page");
        await Kit.Disclosures.RecordManyAsync(customer, 2);
        var page = RenderPageFor(customer);

        await page.WaitForElement("#verify-log").ClickAsync(new());

        page.WaitForElement("#verification-result");
        Assert.Contains("Verified 2 entries.", page.Find("#verification-result").TextContent);
        Assert.Equal((await Kit.LogOf(customer).GetDetailAsync(2))!.Hash, page.Find("#verification-head").TextContent.Trim());
    }
}
