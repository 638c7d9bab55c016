using Com1ControlPanel.Features.BillingDesk;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;

namespace Com1ControlPanel.Tests.Features.BillingDesk;

/// <summary>Billing suspends and reactivates accounts in its own name, with a reason the customer reads everywhere.</summary>
public sealed class AccountStatusDeskTests(BillingDeskApp app) : IClassFixture<BillingDeskApp>
{
    private static readonly StatusChangeForm Overdue = new()
    {
        Suspension = SuspensionReason.PaymentOverdue, Message = "Invoice 2026-1187 is still open.", Reference = "INV-2026-1187",
    };

    private async Task<StatusChangeResult> SuspendAsync(string customerId, StatusChangeForm form, System.Security.Claims.ClaimsPrincipal? who = null)
    {
        using var scope = app.As(who ?? BillingDeskTestData.Billing);
        return await scope.Get<AccountStatusDesk>().SuspendAsync(customerId, form);
    }

    private async Task<StatusChangeResult> ReactivateAsync(string customerId, StatusChangeForm form)
    {
        using var scope = app.As(BillingDeskTestData.Billing);
        return await scope.Get<AccountStatusDesk>().ReactivateAsync(customerId, form);
    }

    private async Task<Suspension?> BannerAsync(TestCustomer customer)
    {
        using var scope = app.As(customer.Principal);
        return await scope.Get<AccountStatusNotice>().GetAsync();
    }

    [Fact]
    public async Task Suspending_records_who_and_why_tells_the_customer_and_shows_them_the_banner()
    {
        var customer = await app.Customers.NewAsync("Sue Spended");
        var email = customer.Email;
        var announced = new List<string>();
        app.Services.GetRequiredService<AccountStatusEvents>().Changed += announced.Add;

        var result = await SuspendAsync(customer.Id, Overdue);

        Assert.Equal(AccountStatus.Suspended, Assert.IsType<StatusChangeResult.Changed>(result).Status);
        var row = Assert.Single(await app.HistoryAsync(customer.Id));
        Assert.Equal((ProfileField.AccountStatus, "Active", "Suspended", "billing-staff-1", ChangeSource.Billing),
            (row.Field, row.OldValue, row.NewValue, row.ActorUserId, row.Source));
        Assert.Equal(("An invoice is overdue. Invoice 2026-1187 is still open.", "INV-2026-1187"), (row.Reason, row.Reference));
        Assert.Equal("Com 1 billing (Sam Tester)", ProfileChangeView.From(row, customer.Id).ChangedBy);

        var banner = await BannerAsync(customer);
        Assert.Equal((SuspensionReason.PaymentOverdue, "Invoice 2026-1187 is still open.", app.Clock.GetUtcNow().UtcDateTime),
            (banner!.Reason, banner.Message, banner.Since));
        var mail = Assert.Single(await app.MessagesToAsync(customer.Id));
        Assert.Equal((email, "Your Com 1 account is suspended", MessageCategory.Essential), (mail.ToAddress, mail.Subject, mail.Category));
        Assert.Contains("An invoice is overdue. Invoice 2026-1187 is still open.", mail.TextBody);
        Assert.Contains("Update your payment card", mail.TextBody);
        await using var db = app.CreateDbContext();
        var notice = await db.Notifications.SingleAsync(n => n.UserId == customer.Id);
        Assert.Equal(("Your account is suspended", "billing"), (notice.Title, notice.Link));
        Assert.Contains(customer.Id, announced);
    }

    [Fact]
    public async Task Reactivating_clears_the_banner_and_records_the_reason()
    {
        var customer = await app.Customers.NewAsync();
        Assert.IsType<StatusChangeResult.Changed>(await SuspendAsync(customer.Id, Overdue));

        var result = await ReactivateAsync(customer.Id, new StatusChangeForm { Reactivation = ReactivationReason.PaymentReceived });

        Assert.Equal(AccountStatus.Active, Assert.IsType<StatusChangeResult.Changed>(result).Status);
        Assert.Null(await BannerAsync(customer));
        var stored = await app.StoredAsync(customer.Id);
        Assert.Equal((AccountStatus.Active, (SuspensionReason?)null, (string?)null), (stored.Status, stored.StatusReason, stored.StatusMessage));
        var rows = await app.HistoryAsync(customer.Id);
        Assert.Equal([("Active", "Suspended"), ("Suspended", "Active")], rows.Select(r => (r.OldValue!, r.NewValue!)));
        Assert.Equal("Your payment has arrived.", rows[1].Reason);
        Assert.Contains(await app.MessagesToAsync(customer.Id), m => m.Subject == "Your Com 1 account is active again");
    }

    [Fact]
    public async Task Other_needs_a_message_for_the_customer_and_nothing_changes_without_it()
    {
        var customer = await app.Customers.NewAsync();

        var result = await SuspendAsync(customer.Id, new StatusChangeForm { Suspension = SuspensionReason.Other });

        var invalid = Assert.IsType<StatusChangeResult.Invalid>(result);
        Assert.Equal(["Say why in a few words: the customer reads it."], invalid.Errors[nameof(StatusChangeForm.Message)]);
        await AssertStillActiveAsync(customer);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(99, null)]
    [InlineData((int)SuspensionReason.PaymentDeclined, 301)]
    public async Task A_missing_or_unknown_reason_or_a_too_long_message_changes_nothing(int? reason, int? messageLength)
    {
        var customer = await app.Customers.NewAsync();

        var result = await SuspendAsync(customer.Id, new StatusChangeForm
        {
            Suspension = (SuspensionReason?)reason,
            Message = messageLength is { } length ? new string('x', length) : null,
        });

        Assert.IsType<StatusChangeResult.Invalid>(result);
        await AssertStillActiveAsync(customer);
    }

    [Fact]
    public async Task Suspending_twice_is_refused_as_already_done_and_writes_nothing_more()
    {
        var customer = await app.Customers.NewAsync();
        Assert.IsType<StatusChangeResult.Changed>(await SuspendAsync(customer.Id, Overdue));

        var result = await SuspendAsync(customer.Id, Overdue);

        Assert.Equal("This account is already suspended.", Assert.IsType<StatusChangeResult.Refused>(result).Message);
        Assert.Single(await app.HistoryAsync(customer.Id));
        Assert.Single(await app.MessagesToAsync(customer.Id));
    }

    [Fact]
    public async Task Only_billing_staff_change_a_status()
    {
        var customer = await app.Customers.NewAsync();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => SuspendAsync(customer.Id, Overdue, customer.Principal));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => SuspendAsync(customer.Id, Overdue, BillingDeskTestData.Agent));

        await AssertStillActiveAsync(customer);
    }

    [Fact]
    public async Task A_suspended_customer_still_changes_their_own_data()
    {
        var customer = await app.Customers.NewAsync();
        Assert.IsType<StatusChangeResult.Changed>(await SuspendAsync(customer.Id, Overdue));
        using var own = app.As(customer.Principal);
        var profiles = own.Get<Com1ControlPanel.Features.Profile.ProfileService>();

        var form = (await profiles.GetAsync()).Form;
        form.City = "Oakland";

        Assert.IsType<Com1ControlPanel.Features.Profile.ProfileSaveResult.Saved>(await profiles.SaveAsync(form));
        Assert.Equal(("Oakland", AccountStatus.Suspended), ((await app.StoredAsync(customer.Id)).City, (await app.StoredAsync(customer.Id)).Status));
    }

    private async Task AssertStillActiveAsync(TestCustomer customer)
    {
        Assert.Equal(AccountStatus.Active, (await app.StoredAsync(customer.Id)).Status);
        Assert.Null(await BannerAsync(customer));
        Assert.Empty(await app.HistoryAsync(customer.Id));
        Assert.Empty(await app.MessagesToAsync(customer.Id));
    }
}
