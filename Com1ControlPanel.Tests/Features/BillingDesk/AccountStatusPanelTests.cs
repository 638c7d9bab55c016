using Bunit;
using Com1ControlPanel.Features.BillingDesk;
using Com1ControlPanel.Features.Customers;

namespace Com1ControlPanel.Tests.Features.BillingDesk;

/// <summary>Suspending and reactivating from the customer's record: a dialog asks first, with the reason at its field.</summary>
public sealed class AccountStatusPanelTests : BillingDeskComponents
{
    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderPanel(Action<int?>? changed = null)
    {
        var customer = AddCustomer("sue", "Sue Spended");
        return RenderInLayout<AccountStatusPanel>(
            (nameof(AccountStatusPanel.CustomerId), customer.Id),
            (nameof(AccountStatusPanel.CustomerName), customer.FullName),
            (nameof(AccountStatusPanel.Status), new AccountStatusView(AccountStatus.Active, null, null, null)),
            (nameof(AccountStatusPanel.Changed), Callback<int?>(version => changed?.Invoke(version))));
    }

    [Fact]
    public void Suspending_asks_first_and_without_a_reason_says_so_at_the_field_and_changes_nothing()
    {
        var page = RenderPanel();

        page.Find("#billing-suspend").Click();
        page.WaitForAssertion(() => Assert.Contains("Suspend Sue Spended's account?", page.Markup));
        Assert.Equal(AccountStatus.Active, Stored("sue").Status);
        page.Find("#status-confirm").Click();

        page.WaitForAssertion(() => Assert.Contains("Choose why the account is suspended.", FieldText(page, "status-reason")));
        Assert.Equal(AccountStatus.Active, Stored("sue").Status);
    }

    [Fact]
    public void Other_without_a_message_asks_for_the_message()
    {
        var page = RenderPanel();
        page.Find("#billing-suspend").Click();

        Choose(page, "status-reason", "Other (explain in the message)");
        page.Find("#status-confirm").Click();

        page.WaitForAssertion(() => Assert.Contains("Say why in a few words: the customer reads it.", FieldText(page, "status-message")));
        Assert.Equal(AccountStatus.Active, Stored("sue").Status);
    }

    [Fact]
    public void Confirming_with_a_reason_suspends_the_account_and_the_page_is_told()
    {
        int? version = null;
        var page = RenderPanel(v => version = v);
        page.Find("#billing-suspend").Click();

        Choose(page, "status-reason", "Card payment declined");
        page.Find("#status-confirm").Click();

        page.WaitForAssertion(() => Assert.Equal(2, version));
        Assert.Equal((AccountStatus.Suspended, SuspensionReason.PaymentDeclined), (Stored("sue").Status, Stored("sue").StatusReason));
        Assert.Equal("Your last card payment was declined.", Assert.Single(History("sue")).Reason);
    }
}
