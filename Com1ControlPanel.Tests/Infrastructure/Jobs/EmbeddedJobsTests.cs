using Com1ControlPanel.Features.Announcements;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Compliance;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Infrastructure.Jobs;
using Com1ControlPanel.Tests.Features.Announcements;
using Com1ControlPanel.Tests.Features.Disclosures.Compliance;

namespace Com1ControlPanel.Tests.Infrastructure.Jobs;

/// <summary>
/// The running app's own job server (on the database the tests run on: SQLite's jobs file beside the panel's, or the
/// hangfire schema in PostgreSQL) takes up queued work: a group disclosure, an announcement.
/// </summary>
public sealed class EmbeddedJobsTests
{
    [Fact]
    public async Task A_queued_group_disclosure_is_written_by_the_apps_job_server()
    {
        using var app = new PanelApp();
        var customers = new[] { await app.Customers.NewAsync("Ada Queued"), await app.Customers.NewAsync("Ben Queued") };
        Guid disclosureId;
        await using (var db = app.CreateDbContext())
        {
            disclosureId = await ComplianceTestData.TransferToEveryoneAsync(db);
        }

        app.Services.GetRequiredService<IDisclosureWriteQueue>().Enqueue(disclosureId);

        var status = await Eventually.ReadUntilAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.Disclosures.Where(d => d.Id == disclosureId).Select(d => d.Status).SingleAsync();
        }, status => status != DisclosureStatus.Writing, TimeSpan.FromSeconds(30));
        await using var check = app.CreateDbContext();
        var reached = await check.DisclosureEntries.Where(e => e.DisclosureId == disclosureId).Select(e => e.CustomerId).ToListAsync();
        Assert.Equal(DisclosureStatus.Recorded, status);
        Assert.Subset(reached.ToHashSet(), customers.Select(c => c.Id).ToHashSet());
        if (app.Provider == Com1ControlPanel.Data.DatabaseProvider.Sqlite)
        {
            Assert.True(File.Exists(PanelJobs.JobsFile(app.DatabasePath)), "The jobs are kept in a file beside the panel's database.");
        }
    }

    [Fact]
    public async Task A_sent_announcement_is_queued_for_its_audience_by_the_apps_job_server()
    {
        using var app = new PanelApp();
        var reader = await app.Customers.NewAsync("Pia Partner", allows: [AnnouncementTestData.PartnerOffersByEmail], startingChoices: false);
        var admin = await app.Staff.NewAsync(Com1ControlPanel.Infrastructure.Security.Roles.Admin);
        var subject = $"Partner offer {Guid.NewGuid():N}"[..24];

        var result = await app.As(admin.Principal).Get<AnnouncementService>()
            .SendAsync(AnnouncementTestData.Draft(MarketingPurpose.PartnerOffers, subject: subject));

        var id = Assert.IsType<AnnouncementSendResult.Queued>(result).Id;
        var status = await Eventually.ReadUntilAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.Announcements.Where(a => a.Id == id).Select(a => a.Status).SingleAsync();
        }, status => status is not (AnnouncementStatus.Queued or AnnouncementStatus.Sending), TimeSpan.FromSeconds(30));
        await using var check = app.CreateDbContext();
        Assert.Equal(AnnouncementStatus.Sent, status);
        Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.Subject == subject && m.RecipientUserId == reader.Id));
    }

    [Fact]
    public async Task A_recorded_disclosure_is_told_to_its_customer_by_the_notice_job_without_waiting_for_the_minute()
    {
        using var app = new PanelApp();
        var customer = await app.Customers.NewAsync("Nia Notice");
        var officer = await app.Staff.NewAsync(Com1ControlPanel.Infrastructure.Security.Roles.ComplianceOfficer);

        var result = await app.As(officer.Principal).Get<DisclosureRecorder>()
            .RecordAsync(ComplianceTestData.Draft(recipientName: "Court of Notices"), DisclosureAudience.One(customer.Id));

        Assert.IsType<DisclosureRecordResult.Recorded>(result);
        var told = await Eventually.ReadUntilAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.OutboxMessages.CountAsync(m => m.RecipientUserId == customer.Id && m.Subject == "Com 1 shared some of your data");
        }, told => told > 0, TimeSpan.FromSeconds(20));
        Assert.Equal(1, told);
    }

    [Fact]
    public async Task The_recurring_jobs_are_on_the_engines_schedule_once_the_app_has_started()
    {
        using var app = new PanelApp();
        await app.Customers.NewAsync("Sam Schedule");

        using var connection = app.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var schedule = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).ToDictionary(j => j.Id, j => j.Cron);

        Assert.Equal(Hangfire.Cron.Minutely(), schedule["disclosure-notices"]);
        Assert.Equal(Hangfire.Cron.Daily(), schedule["card-expiry-reminders"]);
        Assert.Equal(Hangfire.Cron.Daily(), schedule["closed-account-retention"]);
        Assert.Equal(Hangfire.Cron.Daily(), schedule["help-request-quiet-closing"]);
        Assert.Equal(Hangfire.Cron.Minutely(), schedule["expired-support-sessions"]);
        Assert.Equal(Hangfire.Cron.Minutely(), schedule["policy-notices"]);
    }

    [Fact]
    public async Task A_support_session_whose_time_ran_out_unnoticed_is_closed_by_the_apps_job_with_the_customers_follow_up()
    {
        using var app = new ClockedSupportApp();
        var customer = await app.Customers.NewAsync("Otto Overrun");
        var agent = await app.Staff.NewAgentAsync("Jo Jobs");
        var session = await app.SupportBy(agent).SessionAsync(customer.Id, app.Clock.GetUtcNow().UtcDateTime, minutes: 15);
        app.Clock.Advance(TimeSpan.FromMinutes(20));

        // The minutely job's next turn, as the engine runs it: its schedule follows the real clock, not the test's.
        app.Services.GetRequiredService<Hangfire.IRecurringJobManager>().Trigger("expired-support-sessions");

        var ending = await Eventually.ReadUntilAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.SupportSessions.Where(s => s.Id == session.Id).Select(s => s.Ending).SingleAsync();
        }, ending => ending is not null, TimeSpan.FromSeconds(30));
        Assert.Equal(SessionEnding.Expired, ending);
        await using var check = app.CreateDbContext();
        Assert.Equal(1, await check.Notifications.CountAsync(n => n.UserId == customer.Id && n.Text.Contains("Ended by itself when its time ran out")));
    }
}
