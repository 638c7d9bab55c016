using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class UnsubscribeTests(PanelServer server, DebianChromium chromium)
{
    [Fact]
    public async Task A_customer_unsubscribes_with_the_link_in_an_email_without_signing_in()
    {
        var email = $"unsub-{Guid.NewGuid():N}"[..20] + "@example.com";
        var customer = await TestCustomers.CreateAsync(server.App.Services, email, "Ulla Unsubscriber");
        var key = new ConsentKey(MarketingPurpose.ComProducts, ContactChannel.Email);
        var token = server.App.Services.GetRequiredService<UnsubscribeLinks>().TokenFor(new(Guid.NewGuid(), customer.Id, key));
        var page = await chromium.NewPageAsync(server.BaseAddress);

        await page.GotoAsync($"/unsubscribe/{token}");
        await Assertions.Expect(page.Locator("#unsubscribe-what")).ToHaveTextAsync("New and upgraded Com 1 products and services by email");
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
        await using var db = server.App.CreateDbContext();
        return await db.ConsentStates.AsNoTracking()
            .Where(s => s.CustomerId == customerId && s.Purpose == key.Purpose && s.Channel == key.Channel)
            .Select(s => s.Granted).SingleAsync();
    }
}
