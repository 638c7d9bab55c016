using Com1ControlPanel.Features.Preferences;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class UnsubscribeTests(BrowserApp app, DebianChromium chromium)
{
    [Fact]
    public async Task A_customer_unsubscribes_with_the_link_in_an_email_without_signing_in()
    {
        var customer = await app.Customers.NewAsync("Ulla Unsubscriber");
        var key = new ConsentKey(MarketingPurpose.ComProducts, ContactChannel.Email);
        var token = app.Get<UnsubscribeLinks>().TokenFor(new(Guid.NewGuid(), customer.Id, key));
        var page = await chromium.NewPageAsync(app.BaseAddress);

        await page.GotoAsync($"/unsubscribe/{token}");
        await Assertions.Expect(page.Locator("#unsubscribe-what")).ToHaveTextAsync(key.Label);
        Assert.True(await GrantedAsync(customer.Id, key));
        await page.ClickAsync("#unsubscribe-confirm");

        await page.WaitForPathAsync("/unsubscribe/done");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You're unsubscribed");
        await Assertions.Expect(page.Locator("#unsubscribe-result")).ToContainTextAsync("We won't send you these messages any more");
        await Assertions.Expect(page.Locator("#unsubscribe-essential")).ToBeVisibleAsync();
        Assert.False(await GrantedAsync(customer.Id, key));
    }

    private async Task<bool> GrantedAsync(string customerId, ConsentKey key)
    {
        await using var db = app.CreateDbContext();
        return await db.ConsentStates.AsNoTracking()
            .Where(s => s.CustomerId == customerId && s.Purpose == key.Purpose && s.Channel == key.Channel)
            .Select(s => s.Granted).SingleAsync();
    }
}
