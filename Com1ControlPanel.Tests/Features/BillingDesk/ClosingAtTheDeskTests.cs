using Com1ControlPanel.Features.BillingDesk;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Tests.Features.Accounts.Closing;

namespace Com1ControlPanel.Tests.Features.BillingDesk;

/// <summary>
/// Billing closes an account for a customer who asks by phone, letter or email: how they asked and why are required, and
/// the closing is recorded with the member of staff who did it, on the customer's behalf.
/// </summary>
public sealed class ClosingAtTheDeskTests(BillingDeskApp app) : IClassFixture<BillingDeskApp>
{
    private static readonly StatusChangeForm ByPhone = new()
    {
        HowAsked = HowAsked.PhoneCall, ClosingReason = "Moving all hosting to another provider.", Reference = "T-9001",
    };

    private async Task<StatusChangeResult> CloseAsync(string customerId, StatusChangeForm form, System.Security.Claims.ClaimsPrincipal? who = null)
    {
        using var scope = app.As(who ?? BillingDeskTestData.Billing);
        return await scope.Get<AccountStatusDesk>().CloseAsync(customerId, form);
    }

    [Fact]
    public async Task Billing_closes_with_how_the_customer_asked_and_why_recorded_as_staff_on_their_behalf()
    {
        var customer = await app.Customers.NewAsync("Phil Phoned");
        var since = app.Clock.GetUtcNow().UtcDateTime;

        var result = await CloseAsync(customer.Id, ByPhone);

        Assert.Equal(AccountStatus.Closed, Assert.IsType<StatusChangeResult.Changed>(result).Status);
        var state = await app.AccountStateAsync(customer.Id);
        Assert.True(state.ClosedBy("billing-staff-1", ChangeSource.BillingOnBehalf));
        var row = state.ClosingRow!;
        Assert.Equal(("Sam Tester", "Phone call: Moving all hosting to another provider.", "T-9001"), (row.ActorName, row.Reason, row.Reference));
        Assert.Equal("Com 1 billing (Sam Tester) on your behalf", ProfileChangeView.From(row, customer.Id).ChangedBy);
        Assert.Equal(0, state.GrantedConsents);
        var withdrawals = await app.WithdrawalsAsync(customer.Id, since);
        Assert.NotEmpty(withdrawals);
        Assert.All(withdrawals, r => Assert.Equal(("billing-staff-1", "Sam Tester", ChangeSource.BillingOnBehalf),
            (r.ActorUserId, r.ActorName, r.Source)));
        var mail = Assert.Single(await app.MessagesToAsync(customer.Id), m => m.Subject == ClosingSteps.MailSubject);
        Assert.Equal(MessageCategory.Essential, mail.Category);
        Assert.Contains("Com 1 billing (Sam Tester) closed your Com 1 account", mail.TextBody);
        Assert.Contains("Reason: Phone call: Moving all hosting to another provider. (reference T-9001).", mail.TextBody);
    }

    [Theory]
    [InlineData(null, "Moving away.", nameof(StatusChangeForm.HowAsked))]
    [InlineData(HowAsked.Letter, "", nameof(StatusChangeForm.ClosingReason))]
    [InlineData(HowAsked.Letter, "   ", nameof(StatusChangeForm.ClosingReason))]
    [InlineData((HowAsked)42, "Moving away.", nameof(StatusChangeForm.HowAsked))]
    public async Task Without_how_the_customer_asked_and_a_reason_billing_cannot_close(HowAsked? how, string reason, string field)
    {
        var customer = await app.Customers.NewAsync("Rita Reasonless");

        var result = await CloseAsync(customer.Id, new StatusChangeForm { HowAsked = how, ClosingReason = reason });

        Assert.Contains(field, Assert.IsType<StatusChangeResult.Invalid>(result).Errors.Keys);
        var state = await app.AccountStateAsync(customer.Id);
        Assert.Equal((AccountStatus.Active, (AccountClosure?)null, 0), (state.Status, state.Closure, state.ClosingMails));
    }

    [Fact]
    public async Task The_rule_holds_below_the_desk_too_no_reason_no_closing()
    {
        var customer = await app.Customers.NewAsync("Rex Rule");
        using var scope = app.As(BillingDeskTestData.Billing);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            scope.Get<Com1ControlPanel.Features.Accounts.Closing.AccountClosing>().CloseAsync(customer.Id, reason: null));

        Assert.Equal(AccountStatus.Active, (await app.AccountStateAsync(customer.Id)).Status);
    }

    [Fact]
    public async Task Closing_below_the_desk_asks_who_is_signed_in_not_who_the_caller_says_is_acting()
    {
        var customer = await app.Customers.NewAsync("Ivy Impostored");
        var other = await app.Customers.NewAsync("Otto Other");

        foreach (var who in new[] { BillingDeskTestData.Agent, other.Principal })
        {
            using var scope = app.As(who);
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
                scope.Get<Com1ControlPanel.Features.Accounts.Closing.AccountClosing>().CloseAsync(customer.Id, reason: null));
        }

        Assert.Equal(AccountStatus.Active, (await app.AccountStateAsync(customer.Id)).Status);
    }

    [Fact]
    public async Task Only_billing_closes_at_the_desk()
    {
        var customer = await app.Customers.NewAsync("Ada Agentless");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => CloseAsync(customer.Id, ByPhone, BillingDeskTestData.Agent));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => CloseAsync(customer.Id, ByPhone, customer.Principal));

        Assert.Equal(AccountStatus.Active, (await app.AccountStateAsync(customer.Id)).Status);
    }

    [Fact]
    public async Task A_closed_account_is_not_closed_twice_nor_suspended_or_reactivated()
    {
        var customer = await app.Customers.NewAsync("Tom Twice");
        Assert.IsType<StatusChangeResult.Changed>(await CloseAsync(customer.Id, ByPhone));

        Assert.IsType<StatusChangeResult.Refused>(await CloseAsync(customer.Id, ByPhone));
        using var scope = app.As(BillingDeskTestData.Billing);
        Assert.IsType<StatusChangeResult.Refused>(await scope.Get<AccountStatusDesk>().ReactivateAsync(customer.Id,
            new StatusChangeForm { Reactivation = ReactivationReason.CustomerAsked }));
        Assert.Equal(1, (await app.AccountStateAsync(customer.Id)).ClosingMails);
    }
}
