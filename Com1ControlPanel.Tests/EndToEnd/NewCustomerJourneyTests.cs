using Com1ControlPanel.Tests.Support;

namespace Com1ControlPanel.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class NewCustomerJourneyTests(PanelServer server, DebianChromium chromium)
{
    private const string Email = "heidi.journey@example.com";
    private const string Password = "a long and memorable passphrase";

    [Fact]
    public async Task A_new_customer_registers_confirms_the_address_and_reaches_the_dashboard()
    {
        var page = await chromium.NewPageAsync(server.BaseAddress);

        await page.GotoAsync("/Account/Register");
        await page.FillAsync("#register-name", "Heidi Journey");
        await page.FillAsync("#register-email", Email);
        await page.SelectOptionAsync("#register-country", "US");
        await page.FillAsync("#register-password", Password);
        await page.FillAsync("#register-confirm", Password);
        await page.SubmitFromAsync("#register-confirm");
        await page.WaitForPathAsync("/Account/RegisterConfirmation");

        // Until the address is confirmed, the password alone does not open the account.
        await page.SignInAsync(Email, Password);
        Assert.Equal("/Account/Login", page.Path());
        Assert.False(await page.SeesDashboardAsync());

        var message = await server.App.Mailbox.WaitForAsync(Email, "Confirm your email address");
        var link = Mailbox.FirstLink(message);
        Assert.Equal(server.BaseAddress.Authority, link.Authority);
        await page.GotoAsync(link.ToString());

        await page.SignInAsync(Email, Password);
        await page.WaitForPathAsync("/");
        Assert.True(await page.SeesDashboardAsync());
    }
}
