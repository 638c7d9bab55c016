using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Compliance;
using Com1ControlPanel.Infrastructure.Email;
using static Com1ControlPanel.Tests.Features.Disclosures.Compliance.ComplianceTestData;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>Customers affected by a business transfer are always told, by an Essential email, now or when the law allows.</summary>
public sealed class BusinessTransferNoticeTests : ComplianceTest
{
    private static DisclosureDraft Transfer(NoticeRule notice = NoticeRule.NotifyNow, DateTime? delayedUntil = null) =>
        Draft(DisclosureGround.BusinessTransfer, DataCategories.Name | DataCategories.EmailAddress | DataCategories.ChoiceOfServices,
            RecipientCategory.Acquirer, "Nimbus Hosting Group plc", notice, delayedUntil);

    [Fact]
    public async Task Every_customer_of_the_transferred_service_gets_an_essential_email_and_a_notification()
    {
        string[] affected =
        [
            await Kit.CustomerAsync("a", service: Service.RemoteBackup),
            await Kit.CustomerAsync("b", service: Service.RemoteBackup),
            // Opting out of partner sharing does not stop the news that their account moves to another company.
            await Kit.CustomerAsync("c", optedOutOfPartnerSharing: true, service: Service.RemoteBackup),
        ];
        var other = await Kit.CustomerAsync("other", service: Service.SeoSem);

        Assert.IsType<DisclosureRecordResult.Writing>(await Recorder.RecordAsync(Transfer(), DisclosureAudience.Subscribers(Service.RemoteBackup)));
        await Kit.WriteQueuedAsync();
        var told = await Notices.RunOnceAsync();

        Assert.Equal(3, told);
        await using var db = Kit.CreateDbContext();
        var emails = await db.OutboxMessages.AsNoTracking().ToListAsync();
        Assert.Equal(affected, emails.Select(m => m.RecipientUserId).Order());
        Assert.All(emails, m =>
        {
            Assert.Equal(MessageCategory.Essential, m.Category);
            Assert.Equal("Com 1 shared some of your data", m.Subject);
            Assert.Contains("Nimbus Hosting Group plc", m.TextBody);
        });
        Assert.Equal(affected, (await db.Notifications.Where(n => n.UserId != Officer.Id).Select(n => n.UserId).ToListAsync()).Order());
        Assert.False(await db.DisclosureEntries.AnyAsync(e => e.CustomerId == other));
    }

    [Fact]
    public async Task A_transfer_delayed_by_law_tells_nobody_until_the_date_then_tells_everyone_once()
    {
        string[] affected = [await Kit.CustomerAsync("a"), await Kit.CustomerAsync("b")];
        var until = Now.Date.AddDays(30);

        await Recorder.RecordAsync(Transfer(NoticeRule.DelayedUntil, until), DisclosureAudience.Everyone);
        await Kit.WriteQueuedAsync();
        Assert.Equal(0, await Notices.RunOnceAsync());
        Assert.Equal((1, 0, 2, 0, 0, 1), await Kit.WrittenAsync());

        Kit.Clock.SetUtcNow(until.AddMinutes(1));
        Assert.Equal(2, await Notices.RunOnceAsync());
        Assert.Equal(0, await Notices.RunOnceAsync());

        await using var db = Kit.CreateDbContext();
        Assert.Equal(affected, (await db.DisclosureEntries.Select(e => e.CustomerId).ToListAsync()).Order());
        var emails = await db.OutboxMessages.AsNoTracking().ToListAsync();
        Assert.Equal(2, emails.Count);
        Assert.All(emails, m => Assert.Equal(MessageCategory.Essential, m.Category));
        Assert.All(emails, m => Assert.Contains("The law required us to wait before telling you", m.TextBody));
    }

    [Fact]
    public async Task A_transfer_without_notice_is_refused_at_the_notice_rule()
    {
        var customer = await Kit.CustomerAsync("a");

        var result = await Recorder.RecordAsync(Transfer(NoticeRule.NoSeparateNotice), DisclosureAudience.One(customer));

        var invalid = Assert.IsType<DisclosureRecordResult.Invalid>(result);
        Assert.Equal("A business transfer must be notified to every customer: now, or when the law allows.",
            Assert.Single(invalid.Errors[nameof(DisclosureDraft.NoticeRule)]));
        Assert.Equal([NoticeRule.NotifyNow, NoticeRule.DelayedUntil], Transfer().AllowedNoticeRules);
        Assert.Equal((0, 0, 0, 0, 0, 0), await Kit.WrittenAsync());
    }
}
