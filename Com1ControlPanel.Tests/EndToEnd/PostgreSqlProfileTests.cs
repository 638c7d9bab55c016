using Com1ControlPanel.Data;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>
/// The panel served on PostgreSQL, in the browser: a customer signs in, changes her phone on the profile page, and sees the
/// change in her recent changes, as on SQLite (<see cref="ProfileTests"/>).
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
[Trait("Category", "PostgreSQL")]
public sealed class PostgreSqlProfileTests(DebianChromium chromium)
{
    [Fact]
    public async Task A_customer_on_PostgreSQL_changes_her_phone_and_sees_the_change_in_recent_changes()
    {
        using var app = PanelApp.With(new AppOptions { Served = true, Provider = DatabaseProvider.PostgreSQL });
        var customer = await app.Customers.NewAsync("Paula Postgres");
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(customer.Email);
        await page.GotoAsync("/profile");
        await page.WaitForInteractiveAsync();

        await page.FillAsync("#profile-phone", "415 555 0177");
        await page.ClickAsync("#profile-save");
        await page.Locator("#profile-save:not([disabled])").WaitForAsync();

        var row = page.Locator("#recent-changes tr", new() { HasText = "Phone" });
        await Assertions.Expect(row).ToContainTextAsync("+1 415-555-0177");
        await Assertions.Expect(row).ToContainTextAsync("You");
        await using var db = app.CreateDbContext();
        Assert.Equal("+14155550177", await db.Customers.Where(c => c.Id == customer.Id).Select(c => c.Phone).SingleAsync());
    }
}
