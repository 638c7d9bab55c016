using Bunit;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Announcements;
using Com1ControlPanel.Features.Preferences;
using static Com1ControlPanel.Tests.Features.Announcements.AnnouncementTestData;

namespace Com1ControlPanel.Tests.Features.Announcements;

/// <summary>
/// On PostgreSQL the list of announcements arrives after the page's first render (the database answers asynchronously,
/// where SQLite answers at once): one being sent still shows its progress until it is sent.
/// </summary>
[Trait("Category", "PostgreSQL")]
public sealed class AnnouncementProgressOnPostgreSqlTests()
    : ComponentTest(now: new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero), provider: DatabaseProvider.PostgreSQL)
{
    // Every answer travels to a server here: on a busy machine the first render and each poll can take a while.
    private static readonly TimeSpan Busy = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_announcement_being_sent_shows_its_progress_until_it_is_sent()
    {
        SignIn(Admin);
        await Kit.CustomerAsync("ann", [PartnerOffersByEmail]);
        var queued = await Kit.As(Admin).Get<AnnouncementService>().SendAsync(Draft(MarketingPurpose.PartnerOffers, subject: "Hosting partner offer"));
        var id = Assert.IsType<AnnouncementSendResult.Queued>(queued).Id;
        var page = RenderPage<AnnouncementsPage>();

        page.WaitForElement(".announcement-progress[data-status=Queued]", Busy);

        await Kit.Get<AnnouncementSender>().SendAsync(id, CancellationToken.None);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".announcement-progress[data-status=Sent]")), Busy);
    }
}
