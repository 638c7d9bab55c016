using Com1ControlPanel.Data.DemoData;
using Com1ControlPanel.Tests.Support;

namespace Com1ControlPanel.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class LockoutTests(PanelServer server, DebianChromium chromium)
{
    // The only test that signs in as alice: her account is locked for the rest of the run.
    private const string Email = "alice@example.com";

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_even_the_right_one_is_refused()
    {
        var page = await chromium.NewPageAsync(server.BaseAddress);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await page.SignInAsync(Email, $"wrong password number {attempt}");
            Assert.Equal("/Account/Login", page.Path());
        }
        await page.SignInAsync(Email, "wrong password number 5");
        await page.WaitForPathAsync("/Account/Lockout");

        await page.SignInAsync(Email, DemoAccounts.Password);
        await page.WaitForPathAsync("/Account/Lockout");
        Assert.False(await page.SeesDashboardAsync());
        Assert.Equal("/Account/Login", page.Path());
    }
}
