using Bunit;
using Bunit.Rendering;
using Com1ControlPanel.Features.BillingDesk;
using Com1ControlPanel.Features.Customers;

namespace Com1ControlPanel.Tests.Features.BillingDesk;

/// <summary>Closing from the customer's record: how the customer asked and why, at their fields, then a second question first.</summary>
public sealed class ClosingDialogTests : BillingDeskComponents
{
    private async Task<IRenderedComponent<ContainerFragment>> RenderPanelAsync(Action<int?> changed)
    {
        var customer = await AddCustomerAsync("cal", "Cal Caller");
        return RenderInLayout<AccountStatusPanel>(
            (nameof(AccountStatusPanel.CustomerId), customer.Id),
            (nameof(AccountStatusPanel.CustomerName), customer.FullName),
            (nameof(AccountStatusPanel.Status), new AccountStatusView(AccountStatus.Active, null, null, null)),
            (nameof(AccountStatusPanel.Changed), Callback(changed)));
    }

    [Fact]
    public async Task Closing_needs_how_the_customer_asked_and_a_reason_and_asks_once_more_before_it_closes()
    {
        var told = false;
        var page = await RenderPanelAsync(_ => told = true);

        page.Find("#billing-close").Click();
        page.WaitForAssertion(() => Assert.Contains("Close Cal Caller's account?", page.Markup));
        page.Find("#status-confirm").Click();
        page.WaitForAssertion(() => Assert.Contains("Choose how the customer asked to close their account.", FieldText(page, "close-how")));
        Assert.Contains("Say why the account is closed: the customer reads it.", FieldText(page, "close-reason"));

        Choose(page, "close-how", "Phone call");
        page.Find("#close-reason").Input("Moving all hosting to another provider.");
        page.Find("#status-confirm").Click();
        page.WaitForAssertion(() => Assert.Contains("Close this account now? It cannot be undone.", page.Find("#close-confirm-question").TextContent));
        Assert.Equal("Yes, close the account", page.Find("#status-confirm").TextContent.Trim());
        Assert.Equal(AccountStatus.Active, Stored("cal").Status);

        page.Find("#status-confirm").Click();

        page.WaitForAssertion(() => Assert.True(told));
        Assert.Equal(AccountStatus.Closed, Stored("cal").Status);
        var row = Assert.Single(History("cal"), r => r.Field == ProfileField.AccountStatus);
        Assert.Equal(("Closed", "Phone call: Moving all hosting to another provider.", "billing-staff-1"), (row.NewValue, row.Reason, row.ActorUserId));
    }

    [Fact]
    public async Task A_closed_account_offers_no_status_changes_at_the_desk()
    {
        var customer = await AddCustomerAsync("cleo", "Cleo Closed");

        var page = RenderInLayout<AccountStatusPanel>(
            (nameof(AccountStatusPanel.CustomerId), customer.Id),
            (nameof(AccountStatusPanel.CustomerName), customer.FullName),
            (nameof(AccountStatusPanel.Status), new AccountStatusView(AccountStatus.Closed, null, null, new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc))));

        Assert.Contains("This account is closed and cannot be opened again.", page.Find("#billing-closed").TextContent);
        Assert.Empty(page.FindAll("#billing-close"));
        Assert.Empty(page.FindAll("#billing-suspend"));
        Assert.Empty(page.FindAll("#billing-reactivate"));
    }
}
