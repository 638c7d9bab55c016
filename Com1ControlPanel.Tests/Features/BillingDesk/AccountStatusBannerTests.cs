using Bunit;
using Com1ControlPanel.Features.BillingDesk;
using Com1ControlPanel.Features.Customers;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Features.BillingDesk;

/// <summary>The banner a suspended customer sees on every page: why, billing's words, and what to do.</summary>
public sealed class AccountStatusBannerTests : BillingDeskComponents
{
    private void Suspend(string customerId, SuspensionReason reason, string? message)
    {
        using var db = Kit.CreateDbContext();
        var customer = db.Customers.Single(c => c.Id == customerId);
        customer.Status = AccountStatus.Suspended;
        customer.StatusReason = reason;
        customer.StatusMessage = message;
        customer.StatusChangedAt = Kit.Now;
        db.SaveChanges();
    }

    [Fact]
    public async Task A_suspended_customer_reads_why_what_to_do_and_how_to_reach_billing()
    {
        var customer = await AddCustomerAsync("sue", "Sue Spended");
        Suspend("sue", SuspensionReason.PaymentOverdue, "Invoice 2026-1187 is still open.");
        SignIn(Principals.Customer(customer.Id, customer.FullName));

        var page = RenderInLayout<AccountStatusBanner>();
        page.WaitForElement("#suspension-banner");

        Assert.Equal("Your account is suspended", page.Find("#suspension-title").TextContent);
        Assert.Equal("An invoice is overdue. Invoice 2026-1187 is still open.", page.Find("#suspension-why").TextContent.Trim());
        Assert.Equal(("billing", "Update your payment card"), (page.Find("#suspension-action").GetAttribute("href"), page.Find("#suspension-action").TextContent));
        Assert.Contains("+1 415-555-0199", page.Find("#suspension-banner").TextContent);
        Assert.Equal("tel:+14155550199", page.Find(".suspension-banner-phone").GetAttribute("href"));
    }

    [Fact]
    public async Task A_reason_only_billing_can_resolve_offers_the_call_and_no_button()
    {
        var customer = await AddCustomerAsync("sue", "Sue Spended");
        Suspend("sue", SuspensionReason.CustomerAsked, null);
        SignIn(Principals.Customer(customer.Id, customer.FullName));

        var page = RenderInLayout<AccountStatusBanner>();
        page.WaitForElement("#suspension-banner");

        Assert.Contains("Call Com 1 billing when you want your account active again.", page.Find("#suspension-banner").TextContent);
        Assert.Empty(page.FindAll("#suspension-action"));
    }

    [Fact]
    public async Task An_active_account_and_staff_see_no_banner()
    {
        var customer = await AddCustomerAsync("ann", "Ann Active");
        SignIn(Principals.Customer(customer.Id, customer.FullName));

        Assert.Empty(RenderInLayout<AccountStatusBanner>().FindAll("#suspension-banner"));
    }

    [Fact]
    public void Staff_see_no_banner_of_theirs()
    {
        Assert.Empty(RenderInLayout<AccountStatusBanner>().FindAll("#suspension-banner"));
    }

    [Fact]
    public async Task Reactivation_takes_the_banner_away_on_an_open_page_without_a_reload()
    {
        var customer = await AddCustomerAsync("sue", "Sue Spended");
        Suspend("sue", SuspensionReason.PaymentDeclined, null);
        SignIn(Principals.Customer(customer.Id, customer.FullName));
        var page = RenderInLayout<AccountStatusBanner>();
        page.WaitForElement("#suspension-banner");

        using (var db = Kit.CreateDbContext())
        {
            db.Customers.Single(c => c.Id == "sue").Status = AccountStatus.Active;
            await db.SaveChangesAsync();
        }
        Services.GetRequiredService<AccountStatusEvents>().Announce("sue");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#suspension-banner")));
    }
}
