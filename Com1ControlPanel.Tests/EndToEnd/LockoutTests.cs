using Com1ControlPanel.Tests.Support;

namespace Com1ControlPanel.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class LockoutTests(PanelServer server, DebianChromium chromium)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_even_the_right_one_is_refused()
    {
        // An account of its own: a locked demo account would fail every later test that signs in with it.
        var email = $"locked-{Guid.NewGuid():N}"[..16] + "@example.com";
        await TestCustomers.CreateAsync(server.App.Services, email, "Lou Locked");
        var page = await chromium.NewPageAsync(server.BaseAddress);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await page.SignInAsync(email, $"wrong password number {attempt}");
            Assert.Equal("/Account/Login", page.Path());
        }
        await page.SignInAsync(email, "wrong password number 5");
        await page.WaitForPathAsync("/Account/Lockout");

        await page.SignInAsync(email, TestCustomers.Password);
        await page.WaitForPathAsync("/Account/Lockout");
        Assert.False(await page.SeesDashboardAsync());
        Assert.Equal("/Account/Login", page.Path());
    }
}
