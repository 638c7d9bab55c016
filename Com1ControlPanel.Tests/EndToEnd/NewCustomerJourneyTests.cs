namespace Com1ControlPanel.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class NewCustomerJourneyTests(BrowserApp app, DebianChromium chromium)
{
    private const string Password = "a long and memorable passphrase";

    [Fact]
    public async Task A_new_customer_registers_confirms_the_address_and_reaches_the_dashboard()
    {
        // An address of this test's own: registering twice with one address would fail whichever test came second.
        var email = Identities.NewEmail("heidi");
        var page = await chromium.NewPageAsync(app.BaseAddress);

        await page.GotoAsync("/Account/Register");
        await page.FillAsync("#register-name", "Heidi Journey");
        await page.FillAsync("#register-email", email);
        await page.SelectOptionAsync("#register-country", "US");
        await page.FillAsync("#register-password", Password);
        await page.FillAsync("#register-confirm", Password);
        await page.SubmitFromAsync("#register-confirm");
        await page.WaitForPathAsync("/Account/RegisterConfirmation");

        // Until the address is confirmed, the password alone does not open the account.
        await page.SignInAsync(email, Password);
        Assert.Equal("/Account/Login", page.Path());
        Assert.False(await page.SeesDashboardAsync());

        var message = await app.Mailbox.WaitForAsync(email, "Confirm your email address");
        var link = Mailbox.FirstLink(message);
        Assert.Equal(app.BaseAddress.Authority, link.Authority);
        await page.GotoAsync(link.ToString());

        await page.SignInAsync(email, Password);
        await page.WaitForPathAsync("/");
        Assert.True(await page.SeesDashboardAsync());
    }
}
