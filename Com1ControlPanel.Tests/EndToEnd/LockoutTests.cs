using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class LockoutTests(BrowserApp app, DebianChromium chromium)
{
    [Fact]
    public async Task The_allowed_wrong_passwords_lock_the_account_and_then_even_the_right_one_is_refused()
    {
        // An account of its own: a locked shared account would fail every later test that signs in with it.
        var email = (await app.Customers.NewAsync("Lou Locked")).Email;
        var allowed = app.Get<IOptions<IdentityOptions>>().Value.Lockout.MaxFailedAccessAttempts;
        var page = await chromium.NewPageAsync(app.BaseAddress);

        for (var attempt = 1; attempt < allowed; attempt++)
        {
            await page.SignInAsync(email, $"wrong password number {attempt}");
            Assert.Equal("/Account/Login", page.Path());
        }
        await page.SignInAsync(email, $"wrong password number {allowed}");
        await page.WaitForPathAsync("/Account/Lockout");

        await page.SignInAsync(email);
        await page.WaitForPathAsync("/Account/Lockout");
        Assert.False(await page.SeesDashboardAsync());
        Assert.Equal("/Account/Login", page.Path());
    }
}
