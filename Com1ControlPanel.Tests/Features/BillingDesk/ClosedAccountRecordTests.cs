using Bunit;
using Com1ControlPanel.Features.BillingDesk;
using Com1ControlPanel.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Tests.Features.BillingDesk;

/// <summary>A closed customer's record at the billing desk says why nothing can be changed instead of offering the forms.</summary>
public sealed class ClosedAccountRecordTests : BillingDeskComponents
{
    [Fact]
    public async Task A_closed_customers_record_offers_no_contact_email_or_card_link_form_and_says_why()
    {
        var customer = await AddCustomerAsync("clo", "Clo Closed");
        await using (var db = Kit.CreateDbContext())
        {
            await db.Customers.Where(c => c.Id == customer.Id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, AccountStatus.Closed).SetProperty(c => c.StatusChangedAt, new DateTime(2026, 11, 27)));
        }

        var page = RenderInLayout<BillingCustomerPage>((nameof(BillingCustomerPage.CustomerId), customer.Id));

        page.WaitForAssertion(() => Assert.Contains(BillingStaff.AccountClosed, page.Find("#billing-account-closed").TextContent));
        Assert.Empty(page.FindAll("#billing-email-reason"));
        Assert.Empty(page.FindAll("#billing-save"));
        Assert.Empty(page.FindAll("#card-link-send"));
    }
}
