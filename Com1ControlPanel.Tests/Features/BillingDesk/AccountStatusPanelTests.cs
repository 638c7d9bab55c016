using Bunit;
using Com1ControlPanel.Features.BillingDesk;
using Com1ControlPanel.Features.Customers;

namespace Com1ControlPanel.Tests.Features.BillingDesk;

/// <summary>Suspending and reactivating from the customer's record: a dialog asks first, with the reason at its field.</summary>
public sealed class AccountStatusPanelTests : BillingDeskComponents
{
    private async Task<IRenderedComponent<Bunit.Rendering.ContainerFragment>> RenderPanelAsync(Action<int?>? changed = null)
    {
        var customer = await AddCustomerAsync("sue", "Sue Spended");
        return RenderInLayout<AccountStatusPanel>(
            (nameof(AccountStatusPanel.CustomerId), customer.Id),
            (nameof(AccountStatusPanel.CustomerName), customer.FullName),
            (nameof(AccountStatusPanel.Status), new AccountStatusView(AccountStatus.Active, null, null, null)),
            (nameof(AccountStatusPanel.Changed), Callback<int?>(version => changed?.Invoke(version))));
    }

    [Fact]
    public async Task Suspending_asks_first_and_without_a_reason_says_so_at_the_field_and_changes_nothing()
    {
        var page = await RenderPanelAsync();

        page.Find("#billing-suspend").Click();
        page.WaitForAssertion(() => Assert.Contains("Suspend Sue Spended's account?", page.Markup));
        Assert.Equal(AccountStatus.Active, Stored("sue").Status);
        page.Find("#status-confirm").Click();

        page.WaitForAssertion(() => Assert.Contains("Choose why the account is suspended.", FieldText(page, "status-reason")));
        Assert.Equal(AccountStatus.Active, Stored("sue").Status);
    }

    [Fact]
    public async Task Other_without_a_message_asks_for_the_message()
    {
        var page = await RenderPanelAsync();
        page.Find("#billing-suspend").Click();

        Choose(page, "status-reason", "Other (explain in the message)");
        page.Find("#status-confirm").Click();

        page.WaitForAssertion(() => Assert.Contains("Say why in a few words: the customer reads it.", FieldText(page, "status-message")));
        Assert.Equal(AccountStatus.Active, Stored("sue").Status);
    }

    [Fact]
    public async Task Confirming_with_a_reason_suspends_the_account_and_the_page_is_told()
    {
        int? version = null;
        var page = await RenderPanelAsync(v => version = v);
        page.Find("#billing-suspend").Click();

        Choose(page, "status-reason", "Card payment declined");
        page.Find("#status-confirm").Click();

        page.WaitForAssertion(() => Assert.Equal(2, version));
        Assert.Equal((AccountStatus.Suspended, SuspensionReason.PaymentDeclined), (Stored("sue").Status, Stored("sue").StatusReason));
        Assert.Equal("Your last card payment was declined.", Assert.Single(History("sue")).Reason);
    }

    [Fact]
    public async Task A_suspended_account_shows_staff_the_reason_since_when_and_what_the_customer_reads()
    {
        var customer = await AddCustomerAsync("sue", "Sue Spended");

        var page = RenderInLayout<AccountStatusPanel>(
            (nameof(AccountStatusPanel.CustomerId), customer.Id),
            (nameof(AccountStatusPanel.CustomerName), customer.FullName),
            (nameof(AccountStatusPanel.Status), new AccountStatusView(AccountStatus.Suspended, SuspensionReason.PaymentOverdue,
                "Invoice 7 is open.", new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc))));

        Assert.Equal("Reason: Invoice overdue. Since 28 Nov 2026, 10:00 UTC.",
            System.Text.RegularExpressions.Regex.Replace(page.Find("#billing-status-reason").TextContent, @"\s+", " ").Trim());
        Assert.Contains("“An invoice is overdue. Invoice 7 is open.”", page.Markup);
        Assert.NotEmpty(page.FindAll("#billing-reactivate"));
        Assert.Empty(page.FindAll("#billing-suspend"));
    }
}
