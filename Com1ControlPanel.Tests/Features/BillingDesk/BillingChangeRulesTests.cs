using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Tests.Features.BillingDesk;

/// <summary>
/// The rules <see cref="CustomerChanges"/> keeps for billing, whoever calls it: a reason with every change, never the
/// customer's own choices, and the account status only from billing, between Active and Suspended.
/// </summary>
public sealed class BillingChangeRulesTests() : ServiceTest(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero))
{
    private static readonly Actor OnBehalf = new("billing-1", "Sam Tester", ChangeSource.BillingOnBehalf);
    private static readonly Actor Billing = new("billing-1", "Sam Tester", ChangeSource.Billing);
    private static readonly ChangeReason ByPhone = new("Phone call", "T-1");

    private CustomerChanges changes = default!;

    protected override async Task ArrangeAsync()
    {
        await Kit.Customers.NewAsync("Alice Test", id: "alice");
        changes = Kit.Get<CustomerChanges>();
    }

    [Fact]
    public async Task A_billing_change_without_a_reason_is_refused_and_writes_nothing()
    {
        await using var db = Kit.CreateDbContext();

        await Assert.ThrowsAsync<ArgumentException>(() => changes.ApplyAsync(db, "alice", OnBehalf, [new(ProfileField.City, "Oakland")]));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            changes.ApplyAsync(db, "alice", OnBehalf, [new(ProfileField.City, "Oakland")], new ChangeReason(" ")));

        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task The_reason_and_reference_go_into_every_history_row_of_the_change()
    {
        await using var db = Kit.CreateDbContext();

        var result = await changes.ApplyAsync(db, "alice", OnBehalf,
            [new(ProfileField.City, "Oakland"), new(ProfileField.Street, "2 Lake Street")], ByPhone);

        var changed = Assert.IsType<CustomerChangeResult.Changed>(result);
        Assert.All(changed.Changes, c => Assert.Equal(("Phone call", "T-1", "Com 1 billing (Sam Tester) on your behalf"),
            (c.Reason, c.Reference, c.ChangedBy)));
        await using var check = Kit.CreateDbContext();
        Assert.All(await check.ProfileChanges.ToListAsync(), r => Assert.Equal(("Phone call", "T-1"), (r.Reason, r.Reference)));
    }

    [Fact]
    public async Task Billing_never_sets_whether_support_must_ask_the_customer_first()
    {
        await using var db = Kit.CreateDbContext();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            changes.ApplyAsync(db, "alice", OnBehalf, [new(ProfileField.SupportApproval, "On")], ByPhone));

        await AssertUnchangedAsync();
    }

    [Theory]
    [InlineData(ChangeSource.Customer)]
    [InlineData(ChangeSource.SupportOnBehalf)]
    [InlineData(ChangeSource.BillingOnBehalf)]
    public async Task Only_billing_in_its_own_name_changes_the_account_status(ChangeSource source)
    {
        await using var db = Kit.CreateDbContext();
        var someone = new Actor("alice", "Alice Test", source);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => changes.ChangeStatusAsync(db, "alice", someone,
            new AccountStatusChange(AccountStatus.Suspended, SuspensionReason.PaymentOverdue, null, ByPhone)));

        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task A_suspension_keeps_its_reason_for_the_banner_and_a_reactivation_clears_it()
    {
        await using (var db = Kit.CreateDbContext())
        {
            Assert.IsType<CustomerChangeResult.Changed>(await changes.ChangeStatusAsync(db, "alice", Billing,
                new AccountStatusChange(AccountStatus.Suspended, SuspensionReason.PaymentDeclined, " Call us. ", new("Declined."))));
        }
        await using (var check = Kit.CreateDbContext())
        {
            var suspended = await check.Customers.SingleAsync();
            Assert.Equal((AccountStatus.Suspended, SuspensionReason.PaymentDeclined, "Call us.", 2),
                (suspended.Status, suspended.StatusReason, suspended.StatusMessage, suspended.Version));
        }
        await using (var db = Kit.CreateDbContext())
        {
            Assert.IsType<CustomerChangeResult.Changed>(await changes.ChangeStatusAsync(db, "alice", Billing,
                new AccountStatusChange(AccountStatus.Active, SuspensionReason.PaymentDeclined, "Ignored", new("Paid."))));
        }
        await using var after = Kit.CreateDbContext();
        var active = await after.Customers.SingleAsync();
        Assert.Equal((AccountStatus.Active, (SuspensionReason?)null, (string?)null), (active.Status, active.StatusReason, active.StatusMessage));
        Assert.Equal(["Declined.", "Paid."], await after.ProfileChanges.OrderBy(r => r.Id).Select(r => r.Reason).ToListAsync());
    }

    [Fact]
    public async Task Closing_is_not_a_status_billing_gives()
    {
        await using var db = Kit.CreateDbContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => changes.ChangeStatusAsync(db, "alice", Billing,
            new AccountStatusChange(AccountStatus.Closed, null, null, ByPhone)));

        await AssertUnchangedAsync();
    }

    private async Task AssertUnchangedAsync()
    {
        await using var check = Kit.CreateDbContext();
        var alice = await check.Customers.AsNoTracking().SingleAsync();
        Assert.Equal(("San Francisco", false, AccountStatus.Active, 1), (alice.City, alice.RequireSupportApproval, alice.Status, alice.Version));
        Assert.False(await check.ProfileChanges.AnyAsync());
    }
}
