using Com1ControlPanel.Features.Announcements;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Email;
using static Com1ControlPanel.Tests.Features.Announcements.AnnouncementTestData;

namespace Com1ControlPanel.Tests.Features.Announcements;

public sealed class AnnouncementSenderTests() : ServiceTest(now: new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero))
{
    private AnnouncementSender Sender => Kit.Get<AnnouncementSender>();

    /// <summary>Two customers who allow partner offers by email, one who turned them off, and the admin's announcement, queued.</summary>
    private async Task<Guid> QueuedPartnerOfferAsync()
    {
        await Kit.CustomerAsync("ann", [PartnerOffersByEmail]);
        await Kit.CustomerAsync("ben", [PartnerOffersByEmail, ComProductsByEmail]);
        await Kit.CustomerAsync("cat", [ComProductsByEmail], refused: [PartnerOffersByEmail]);
        var result = await Kit.As(Admin).Get<AnnouncementService>().SendAsync(Draft(MarketingPurpose.PartnerOffers,
            subject: "Hosting partner offer", body: "Our partner offers 20% off.\r\n\r\nAsk us how."));
        return Assert.IsType<AnnouncementSendResult.Queued>(result).Id;
    }

    private async Task<List<OutboxMessage>> MessagesAsync()
    {
        await using var db = Kit.CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.RecipientUserId).ToListAsync();
    }

    private async Task<Announcement> AnnouncementAsync(Guid id)
    {
        await using var db = Kit.CreateDbContext();
        return await db.Announcements.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    [Fact]
    public async Task Each_customer_who_allows_the_topic_gets_one_marketing_email_with_its_own_unsubscribe_link()
    {
        var id = await QueuedPartnerOfferAsync();

        await Sender.SendAsync(id, CancellationToken.None);

        var messages = await MessagesAsync();
        Assert.Equal(["ann", "ben"], messages.Select(m => m.RecipientUserId));
        Assert.All(messages, m =>
        {
            Assert.Equal((MessageCategory.Marketing, "PartnerOffers", "Hosting partner offer", OutboxStatus.Pending),
                (m.Category, m.Topic, m.Subject, m.Status));
            var link = Kit.Get<UnsubscribeLinks>().Read(new Uri(m.UnsubscribeUrl!).Segments[^1]);
            Assert.Equal(new UnsubscribeRequest(m.Id, m.RecipientUserId!, PartnerOffersByEmail), link);
            Assert.Contains(m.UnsubscribeUrl!, m.TextBody);
            Assert.Contains(m.UnsubscribeUrl!, m.HtmlBody);
            Assert.Contains($"Hello {m.RecipientUserId} Tester", m.TextBody);
            Assert.Contains("<p>Our partner offers 20% off.</p><p>Ask us how.</p>", m.HtmlBody);
            Assert.DoesNotContain("essential message", m.TextBody);
            Assert.DoesNotContain("unsubscribe/", m.PanelText);
        });
        Assert.NotEqual(messages[0].Id, messages[1].Id);

        var announcement = await AnnouncementAsync(id);
        Assert.Equal((AnnouncementStatus.Sent, 2, 2, Kit.Now), (announcement.Status, announcement.Total, announcement.Enqueued, announcement.FinishedAt));
    }

    [Fact]
    public async Task Essential_messages_in_the_outbox_are_left_as_they_are()
    {
        var id = await QueuedPartnerOfferAsync();
        var essential = new OutboundEmail("cat", "cat@example.com", "Your invoice", EmailTemplate.Compose("Cat", ["Invoice attached."]),
            MessageCategory.Essential, "Your invoice");
        await Kit.Get<Outbox>().EnqueueAsync(essential);

        await Sender.SendAsync(id, CancellationToken.None);

        var kept = Assert.Single(await MessagesAsync(), m => m.Category == MessageCategory.Essential);
        Assert.Equal((essential.MessageId, "cat", OutboxStatus.Pending, "Your invoice", essential.Content.Text),
            (kept.Id, kept.RecipientUserId, kept.Status, kept.Subject, kept.TextBody));
    }

    [Fact]
    public async Task An_announcement_left_sending_by_a_crash_resumes_without_sending_anyone_a_second_copy()
    {
        var id = await QueuedPartnerOfferAsync();
        await Sender.SendAsync(id, CancellationToken.None);
        // What a crash after the first batch leaves: ann's message saved with the count of 1, ben's never written.
        var annsMessage = (await MessagesAsync()).Single(m => m.RecipientUserId == "ann");
        await using (var db = Kit.CreateDbContext())
        {
            await db.OutboxMessages.Where(m => m.RecipientUserId == "ben").ExecuteDeleteAsync();
            await db.Announcements.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Status, AnnouncementStatus.Sending).SetProperty(a => a.Enqueued, 1).SetProperty(a => a.FinishedAt, (DateTime?)null));
        }

        await Sender.SendAsync(id, CancellationToken.None);

        var messages = await MessagesAsync();
        Assert.Equal(["ann", "ben"], messages.Select(m => m.RecipientUserId));
        Assert.Equal(annsMessage.Id, messages[0].Id);
        var announcement = await AnnouncementAsync(id);
        Assert.Equal((AnnouncementStatus.Sent, 2, 2), (announcement.Status, announcement.Total, announcement.Enqueued));
    }

    [Fact]
    public async Task An_announcement_that_was_already_sent_stays_sent_and_sends_nobody_anything_when_queued_again()
    {
        var id = await QueuedPartnerOfferAsync();
        await Sender.SendAsync(id, CancellationToken.None);
        var sent = await AnnouncementAsync(id);
        var messages = (await MessagesAsync()).Select(m => m.Id).ToList();
        Kit.Clock.Advance(TimeSpan.FromHours(1));

        await Sender.SendAsync(id, CancellationToken.None);

        var again = await AnnouncementAsync(id);
        Assert.Equal((AnnouncementStatus.Sent, 2, 2, sent.FinishedAt), (again.Status, again.Total, again.Enqueued, again.FinishedAt));
        Assert.Equal(messages, (await MessagesAsync()).Select(m => m.Id));
    }

    [Theory]
    [InlineData(AnnouncementStatus.Queued)]
    [InlineData(AnnouncementStatus.Sending)]
    public async Task The_job_sends_an_announcement_left_queued_or_half_sent_whichever_instance_runs_it(AnnouncementStatus leftAs)
    {
        var id = await QueuedPartnerOfferAsync();
        Assert.Equal([id], Kit.Get<RecordedAnnouncements>().Drain());
        await using (var db = Kit.CreateDbContext())
        {
            // As a run on an instance that died leaves it: the row says queued or sending, nothing else is left.
            await db.Announcements.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, leftAs));
        }

        await Sender.RunAsync(id, null, CancellationToken.None);
        await Sender.RunAsync(id, null, CancellationToken.None);

        Assert.Equal(AnnouncementStatus.Sent, (await AnnouncementAsync(id)).Status);
        Assert.Equal(2, (await MessagesAsync()).Count);
    }
}
