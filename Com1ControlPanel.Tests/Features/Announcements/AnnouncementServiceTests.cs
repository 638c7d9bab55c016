using System.Security.Claims;
using Com1ControlPanel.Features.Announcements;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Security;
using static Com1ControlPanel.Tests.Features.Announcements.AnnouncementTestData;

namespace Com1ControlPanel.Tests.Features.Announcements;

public sealed class AnnouncementServiceTests() : ServiceTest(now: new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero))
{
    private RecordedAnnouncements Queue => Kit.Get<RecordedAnnouncements>();

    private AnnouncementService ServiceFor(ClaimsPrincipal user) => Kit.As(user).Get<AnnouncementService>();

    public static TheoryData<string> NotAdmins => [Roles.Customer, Roles.SupportAgent, Roles.Billing, Roles.ComplianceOfficer];

    [Theory]
    [MemberData(nameof(NotAdmins))]
    public async Task Anyone_but_an_admin_is_refused_everything_and_nothing_is_stored(string role)
    {
        var service = ServiceFor(Principals.Of($"{role.ToLowerInvariant()}-1", role, role));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.PreviewAsync(MarketingPurpose.ComProducts));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.SendAsync(Draft()));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ListAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ContactListSizesAsync());

        await using var db = Kit.CreateDbContext();
        Assert.False(await db.Announcements.AnyAsync());
        Assert.Empty(Queue.Drain());
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_is_refused()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => ServiceFor(Principals.Visitor).SendAsync(Draft()));
    }

    public static TheoryData<AnnouncementDraft, string> InvalidDrafts => new()
    {
        { Draft(topic: null), nameof(AnnouncementDraft.Topic) },
        { Draft(topic: MarketingPurpose.PartnerSharing), nameof(AnnouncementDraft.Topic) },
        { Draft(topic: MarketingPurpose.UsageStatistics), nameof(AnnouncementDraft.Topic) },
        { Draft(topic: (MarketingPurpose)42), nameof(AnnouncementDraft.Topic) },
        { Draft(channel: ContactChannel.Phone), nameof(AnnouncementDraft.Channel) },
        { Draft(channel: ContactChannel.PostalMail), nameof(AnnouncementDraft.Channel) },
        { Draft(channel: ContactChannel.None), nameof(AnnouncementDraft.Channel) },
        { Draft(subject: ""), nameof(AnnouncementDraft.Subject) },
        { Draft(subject: "   "), nameof(AnnouncementDraft.Subject) },
        { Draft(subject: new string('s', 151)), nameof(AnnouncementDraft.Subject) },
        { Draft(subject: "Offer\r\nBcc: everyone@example.com"), nameof(AnnouncementDraft.Subject) },
        { Draft(body: ""), nameof(AnnouncementDraft.Body) },
        { Draft(body: "\n\n  "), nameof(AnnouncementDraft.Body) },
        { Draft(body: new string('b', 5001)), nameof(AnnouncementDraft.Body) },
    };

    [Theory]
    [MemberData(nameof(InvalidDrafts))]
    public async Task An_invalid_draft_is_refused_at_its_field_and_nothing_is_stored_or_sent(AnnouncementDraft draft, string field)
    {
        var result = await ServiceFor(Admin).SendAsync(draft);

        var invalid = Assert.IsType<AnnouncementSendResult.Invalid>(result);
        Assert.Equal([field], invalid.Errors.Keys);
        await using var db = Kit.CreateDbContext();
        Assert.False(await db.Announcements.AnyAsync());
        Assert.False(await db.OutboxMessages.AnyAsync());
        Assert.Empty(Queue.Drain());
    }

    [Fact]
    public async Task A_valid_draft_is_stored_as_queued_by_the_admin_and_handed_to_the_sender()
    {
        var draft = Draft(topic: MarketingPurpose.PartnerOffers, subject: new string('s', 150), body: new string('b', 5000));

        var result = await ServiceFor(Admin).SendAsync(draft);

        var queued = Assert.IsType<AnnouncementSendResult.Queued>(result);
        Assert.Equal([queued.Id], Queue.Drain());
        await using var db = Kit.CreateDbContext();
        var stored = await db.Announcements.SingleAsync();
        Assert.Equal((queued.Id, MarketingPurpose.PartnerOffers, ContactChannel.Email, AnnouncementStatus.Queued),
            (stored.Id, stored.Topic, stored.Channel, stored.Status));
        Assert.Equal((draft.Subject, draft.Body), (stored.Subject, stored.Body));
        Assert.Equal(("admin-1", "Chris Admin", Kit.Now), (stored.CreatedByUserId, stored.CreatedByName, stored.CreatedAt));
        // The outbox is the sender's job, in the background.
        Assert.False(await db.OutboxMessages.AnyAsync());
    }

    [Fact]
    public async Task The_preview_counts_active_customers_who_allow_the_topic_by_email_and_everyone_else_as_suppressed()
    {
        ConsentKey[] byPhone = [new(MarketingPurpose.ComProducts, ContactChannel.Phone)];
        await Kit.CustomerAsync("ann", [ComProductsByEmail, PartnerOffersByEmail]);
        await Kit.CustomerAsync("ben", [ComProductsByEmail]);
        await Kit.CustomerAsync("cat", [], refused: [ComProductsByEmail, PartnerOffersByEmail]);
        await Kit.CustomerAsync("dan", []);
        await Kit.CustomerAsync("eve", byPhone);
        await Kit.CustomerAsync("fay", [ComProductsByEmail, PartnerOffersByEmail], status: AccountStatus.Suspended);
        await Kit.CustomerAsync("gus", [ComProductsByEmail, PartnerOffersByEmail], status: AccountStatus.Closed);
        var service = ServiceFor(Admin);

        Assert.Equal(new AudienceSize(2, 3), await service.PreviewAsync(MarketingPurpose.ComProducts));
        Assert.Equal(new AudienceSize(1, 4), await service.PreviewAsync(MarketingPurpose.PartnerOffers));
        var lists = await service.ContactListSizesAsync();
        Assert.Equal(1, lists[byPhone[0]].Listed);
        Assert.Equal(0, lists[new ConsentKey(MarketingPurpose.PartnerOffers, ContactChannel.PostalMail)].Listed);
    }

    [Fact]
    public async Task A_call_list_counts_who_it_leaves_out_for_want_of_a_phone_number()
    {
        ConsentKey[] byPhone = [new(MarketingPurpose.ComProducts, ContactChannel.Phone)];
        await Kit.CustomerAsync("ann", byPhone);
        await Kit.Customers.NewAsync("Mo Mobile", allows: byPhone, startingChoices: false, with: c => (c.Phone, c.MobilePhone) = (null, "+14155550177"));
        await Kit.Customers.NewAsync("Nora Nophone", allows: byPhone, startingChoices: false, with: c => (c.Phone, c.MobilePhone) = (null, " "));

        var lists = await ServiceFor(Admin).ContactListSizesAsync();

        Assert.Equal(new ContactListSize(2, 1), lists[byPhone[0]]);
    }

    [Fact]
    public async Task A_preview_for_something_that_is_not_an_announcement_topic_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => ServiceFor(Admin).PreviewAsync(MarketingPurpose.PartnerSharing));
    }

    [Fact]
    public async Task The_list_shows_the_newest_announcements_first_with_their_progress()
    {
        var service = ServiceFor(Admin);
        var first = Assert.IsType<AnnouncementSendResult.Queued>(await service.SendAsync(Draft(subject: "First")));
        Kit.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = Assert.IsType<AnnouncementSendResult.Queued>(await service.SendAsync(Draft(subject: "Second")));
        await using (var db = Kit.CreateDbContext())
        {
            var sending = await db.Announcements.SingleAsync(a => a.Id == second.Id);
            (sending.Status, sending.Total, sending.Enqueued) = (AnnouncementStatus.Sending, 4, 1);
            await db.SaveChangesAsync();
        }

        var list = await service.ListAsync();

        Assert.Equal([second.Id, first.Id], list.Select(a => a.Id));
        Assert.True(list[0].InProgress);
        Assert.Equal(25, list[0].Percent);
        Assert.Equal(MarketingPurpose.ComProducts.Label(), list[0].TopicLabel);
    }
}
