namespace Com1ControlPanel.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class TwoFactorTests(BrowserApp app, DebianChromium chromium)
{
    [Fact]
    public async Task With_an_authenticator_app_set_up_the_password_alone_no_longer_signs_in()
    {
        var email = (await app.Customers.NewAsync("Tina Totp")).Email;
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(email);

        await page.GotoAsync("/Account/Manage/EnableAuthenticator");
        var key = await page.InnerTextAsync("[aria-label='Setup key']");
        await page.FillAsync("#authenticator-code", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.SubmitFromAsync("#authenticator-code");
        Assert.Equal(10, await page.Locator("[aria-label='Recovery codes'] li").CountAsync());
        await app.Mailbox.WaitForAsync(email, "Two-factor authentication is on");

        var again = await chromium.NewPageAsync(app.BaseAddress);
        await again.SignInAsync(email);
        Assert.Equal("/Account/LoginWith2fa", again.Path());
        Assert.False(await again.SeesDashboardAsync());

        await again.SignInAsync(email);
        await again.FillAsync("#two-factor-code", Totp.Code(key, DateTimeOffset.UtcNow));
        await again.SubmitFromAsync("#two-factor-code");
        await again.WaitForPathAsync("/");
        Assert.True(await again.SeesDashboardAsync());
    }
}
