using Com1ControlPanel.Features.Policies;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Features.Policies;

/// <summary>
/// From a version's effective date the customer's pages show its notice until they close it; closing it records who,
/// which version, when and how, once; only the customer can close it, never support acting in their account.
/// </summary>
public sealed class PolicyAcknowledgementsTests() : ServiceTest(now: new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero))
{
    private TestCustomer customer = null!;
    private string version = "";

    protected override async Task ArrangeAsync()
    {
        customer = await Kit.Customers.NewAsync("Nia Notice");
        // The customer closed the notice of the version in force, so only the new one can be pending.
        await Kit.As(customer.Principal).Get<PolicyAcknowledgements>().AcknowledgeAsync("2026-11", AcknowledgementMethod.ClosedNotice);
        version = await PolicyTestData.PublishAsync(Kit, Kit.Now);
    }

    private PolicyAcknowledgements For(TestCustomer who) => Kit.As(who.Principal).Get<PolicyAcknowledgements>();

    [Fact]
    public async Task The_notice_appears_on_the_effective_date_with_the_summary_and_the_changes_since_the_last_version_shown()
    {
        Assert.Null(await For(customer).PendingAsync());

        Kit.Clock.Advance(TimeSpan.FromDays(30));
        var notice = await For(customer).PendingAsync();

        Assert.NotNull(notice);
        Assert.Equal((version, PolicyTestData.Summary, false), (notice.Version, notice.Summary, notice.InSupportSession));
        Assert.Equal($"/privacy/changes?from=2026-11&to={version}", notice.ChangesPath);
    }

    [Fact]
    public async Task Closing_the_notice_records_customer_version_when_and_how_once()
    {
        Kit.Clock.Advance(TimeSpan.FromDays(30));

        Assert.True(await For(customer).AcknowledgeAsync(version, AcknowledgementMethod.ClosedNoticeAfterReadingChanges));
        Assert.False(await For(customer).AcknowledgeAsync(version, AcknowledgementMethod.ClosedNotice));

        Assert.Null(await For(customer).PendingAsync());
        await using var db = Kit.CreateDbContext();
        var record = await db.PolicyAcknowledgements.SingleAsync(a => a.CustomerId == customer.Id && a.Version == version);
        Assert.Equal((Kit.Now, AcknowledgementMethod.ClosedNoticeAfterReadingChanges), (record.ShownAt, record.How));
        var shown = (await For(customer).ShownAsync())!;
        Assert.Equal([version, "2026-11"], shown.Shown.Select(s => s.Version));
        Assert.Equal(version, shown.InForce!.Version);
    }

    [Fact]
    public async Task A_version_not_in_force_yet_cannot_be_marked_as_shown()
    {
        Assert.False(await For(customer).AcknowledgeAsync(version, AcknowledgementMethod.ClosedNotice));

        await using var db = Kit.CreateDbContext();
        Assert.False(await db.PolicyAcknowledgements.AnyAsync(a => a.Version == version));
    }

    [Fact]
    public async Task A_customer_who_joined_after_the_effective_date_sees_no_notice()
    {
        Kit.Clock.Advance(TimeSpan.FromDays(31));
        var newcomer = await PolicyTestData.JoinedAsync(Kit, "Nat New", Kit.Now);

        Assert.Null(await For(newcomer).PendingAsync());
    }

    [Fact]
    public async Task Staff_and_visitors_see_no_notice_and_have_no_record()
    {
        Kit.Clock.Advance(TimeSpan.FromDays(30));
        var admin = await Kit.Staff.NewAsync(Roles.Admin);

        Assert.Null(await Kit.As(admin.Principal).Get<PolicyAcknowledgements>().PendingAsync());
        Assert.Null(await Kit.As(Principals.Visitor).Get<PolicyAcknowledgements>().PendingAsync());
        Assert.Null(await Kit.As(admin.Principal).Get<PolicyAcknowledgements>().ShownAsync());
    }

    [Fact]
    public async Task Support_in_a_session_sees_the_notice_but_cannot_close_it_and_the_attempt_is_recorded()
    {
        Kit.Clock.Advance(TimeSpan.FromDays(30));
        var agent = await Kit.Staff.NewAgentAsync();
        var session = await Kit.SupportBy(agent).SessionAsync(customer.Id, Kit.Now);
        var inSession = Kit.As(Principals.InSession(customer.Id, session.Id, agent.Id, agent.Name)).Get<PolicyAcknowledgements>();

        var notice = await inSession.PendingAsync();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => inSession.AcknowledgeAsync(version, AcknowledgementMethod.ClosedNotice));

        Assert.True(notice!.InSupportSession);
        await using var db = Kit.CreateDbContext();
        Assert.False(await db.PolicyAcknowledgements.AnyAsync(a => a.CustomerId == customer.Id && a.Version == version));
        Assert.True(await db.SupportAttempts.AnyAsync(a => a.AgentUserId == agent.Id && a.CustomerId == customer.Id
            && a.Refusal == SupportRefusal.ForbiddenDuringSession));
    }

    [Fact]
    public async Task A_record_of_a_version_shown_cannot_be_changed_or_deleted()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => Kit.Database.TamperAsync($"UPDATE PolicyAcknowledgements SET How = 'ClosedNoticeAfterReadingChanges'"));
        await Assert.ThrowsAnyAsync<Exception>(() => Kit.Database.TamperAsync($"DELETE FROM PolicyAcknowledgements"));
    }
}
