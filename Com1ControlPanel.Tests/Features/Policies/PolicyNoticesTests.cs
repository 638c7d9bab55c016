using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Policies;
using Com1ControlPanel.Infrastructure.Email;

namespace Com1ControlPanel.Tests.Features.Policies;

/// <summary>
/// On publishing, every customer whose account is not closed gets an Essential email with the summary and a link to the
/// changes, and a panel notification, once; a closed account gets neither.
/// </summary>
public sealed class PolicyNoticesTests() : ServiceTest(now: new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero))
{
    private PolicyNotices Notices => Kit.Get<PolicyNotices>();

    [Fact]
    public async Task Every_active_or_suspended_customer_is_emailed_and_notified_once_and_a_closed_account_is_not()
    {
        var active = await Kit.Customers.NewAsync("Ann Active");
        var suspended = await Kit.Customers.NewAsync("Sue Suspended", with: c => c.Status = AccountStatus.Suspended);
        var closed = await Kit.Customers.NewAsync("Cal Closed", with: c => c.Status = AccountStatus.Closed);
        var version = await PolicyTestData.PublishAsync(Kit, Kit.Now);

        await Notices.RunOnceAsync();
        await Notices.RunOnceAsync();

        await using var db = Kit.CreateDbContext();
        foreach (var told in new[] { active, suspended })
        {
            var mail = Assert.Single(await db.OutboxMessages.Where(m => m.RecipientUserId == told.Id && m.Subject == PolicyMail.Subject).ToListAsync());
            Assert.Equal(MessageCategory.Essential, mail.Category);
            Assert.Contains(PolicyTestData.Summary, mail.TextBody);
            Assert.Contains($"/privacy/changes?from=2026-11&to={version}", mail.TextBody);
            var note = Assert.Single(await db.Notifications.Where(n => n.UserId == told.Id).ToListAsync());
            Assert.Equal(PolicyTestData.Summary, note.Text);
            Assert.Equal($"privacy/changes?from=2026-11&to={version}", note.Link);
        }
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.RecipientUserId == closed.Id));
        Assert.False(await db.Notifications.AnyAsync(n => n.UserId == closed.Id));
        Assert.Equal(2, await db.PolicyNotices.CountAsync(n => n.Version == version));
    }

    [Fact]
    public async Task A_customer_who_joins_before_the_effective_date_is_told_and_one_who_joins_after_is_not()
    {
        var version = await PolicyTestData.PublishAsync(Kit, Kit.Now);
        await Notices.RunOnceAsync();

        var early = await PolicyTestData.JoinedAsync(Kit, "Eli Early", Kit.Now);
        await Notices.RunOnceAsync();
        Kit.Clock.Advance(TimeSpan.FromDays(31));
        var late = await PolicyTestData.JoinedAsync(Kit, "Lou Late", Kit.Now);
        await Notices.RunOnceAsync();

        await using var db = Kit.CreateDbContext();
        Assert.True(await db.PolicyNotices.AnyAsync(n => n.CustomerId == early.Id && n.Version == version));
        Assert.False(await db.PolicyNotices.AnyAsync(n => n.CustomerId == late.Id));
    }

    [Fact]
    public async Task The_shipped_versions_are_never_announced()
    {
        await Kit.Customers.NewAsync("Noor Nothing");

        Assert.Equal(0, await Notices.RunOnceAsync());
    }

    [Fact]
    public async Task A_notice_record_cannot_be_changed_or_deleted()
    {
        await Kit.Customers.NewAsync("Pat Permanent");
        await PolicyTestData.PublishAsync(Kit, Kit.Now);
        await Notices.RunOnceAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => Kit.Database.TamperAsync($"DELETE FROM PolicyNotices"));
        await Assert.ThrowsAnyAsync<Exception>(() => Kit.Database.TamperAsync($"UPDATE PolicyNotices SET NotifiedAt = '2000-01-01'"));
    }
}
