using Com1ControlPanel.Features.BillingDesk;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Tests.Features.Accounts.Closing;

namespace Com1ControlPanel.Tests.Features.BillingDesk;

/// <summary>
/// A closed account is kept as it was at closing until retention removes it: billing changes nothing in it, asks for no
/// new address and sends no card link, and the desk says so instead of offering the forms.
/// </summary>
public sealed class ClosedAccountAtTheDeskTests(BillingDeskApp app) : IClassFixture<BillingDeskApp>
{
    private async Task<TestCustomer> ClosedCustomerAsync(string name)
    {
        var customer = await app.Customers.NewAsync(name);
        using var scope = app.As(BillingDeskTestData.Billing);
        var form = new StatusChangeForm { HowAsked = HowAsked.Letter, ClosingReason = "Retiring the business." };
        Assert.IsType<StatusChangeResult.Changed>(await scope.Get<AccountStatusDesk>().CloseAsync(customer.Id, form));
        return customer;
    }

    [Fact]
    public async Task Billing_cannot_change_a_closed_customers_contact_data_and_no_email_goes_out()
    {
        var customer = await ClosedCustomerAsync("Cora Closed");
        var mailsBefore = (await app.MessagesToAsync(customer.Id)).Count;
        using var scope = app.As(BillingDeskTestData.Billing);
        var form = (await scope.Get<BillingCustomers>().GetAsync(customer.Id))!.Contact;
        form.City = "Oakland";
        form.Reason = HowAsked.PhoneCall;

        var result = await scope.Get<BillingContactChanges>().SaveAsync(customer.Id, form);

        Assert.IsType<BillingSaveResult.Closed>(result);
        Assert.NotEqual("Oakland", (await app.StoredAsync(customer.Id)).City);
        Assert.DoesNotContain(await app.HistoryAsync(customer.Id), r => r.Field == ProfileField.City);
        Assert.Equal(mailsBefore, (await app.MessagesToAsync(customer.Id)).Count);
    }

    [Fact]
    public async Task Billing_cannot_ask_a_closed_customer_to_confirm_a_new_address_or_send_them_a_card_link()
    {
        var customer = await ClosedCustomerAsync("Cliff Closed");
        var mailsBefore = (await app.MessagesToAsync(customer.Id)).Count;
        using var scope = app.As(BillingDeskTestData.Billing);

        var email = await scope.Get<BillingContactChanges>().RequestEmailChangeAsync(customer.Id, "cliff.new@example.net", HowAsked.Email);
        var link = await scope.Get<CardPageLinks>().SendAsync(customer.Id);

        Assert.False(email.Succeeded);
        Assert.Contains("closed", email.Error);
        Assert.Contains("closed", Assert.IsType<CardLinkResult.Refused>(link).Message);
        Assert.Equal(mailsBefore, (await app.MessagesToAsync(customer.Id)).Count);
    }
}
