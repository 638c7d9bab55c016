using Com1ControlPanel.Features.Policies;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Features.Policies;

/// <summary>
/// Administrators publish new versions at least Policies:NoticeDays ahead; a published version is permanent; anything
/// wrong is refused at its field and changes nothing; nobody but an administrator publishes.
/// </summary>
public sealed class PolicyPublishingTests() : ServiceTest(now: new DateTimeOffset(2027, 3, 10, 15, 0, 0, TimeSpan.Zero))
{
    private StaffMember admin = null!;

    protected override async Task ArrangeAsync() => admin = await Kit.Staff.NewAsync(Roles.Admin, "Ada Admin");

    private PolicyPublishing Publishing => Kit.As(admin.Principal).Get<PolicyPublishing>();

    private async Task<int> StoredVersionsAsync()
    {
        await using var db = Kit.CreateDbContext();
        return await db.PolicyVersions.CountAsync(v => !v.Shipped);
    }

    [Fact]
    public async Task A_version_thirty_days_ahead_is_stored_with_who_published_it_and_listed_as_upcoming()
    {
        var result = await Publishing.PublishAsync(PolicyTestData.Draft(new DateTime(2027, 4, 9)));

        Assert.Equal("2027-04-09", Assert.IsType<PolicyPublishResult.Published>(result).Version);
        await using var db = Kit.CreateDbContext();
        var stored = await db.PolicyVersions.SingleAsync(v => v.Version == "2027-04-09");
        Assert.Equal((admin.Id, "Ada Admin", PolicyTestData.Summary, false), (stored.PublishedByUserId, stored.PublishedByName, stored.Summary, stored.Shipped));
        Assert.Equal(new DateTime(2027, 4, 9, 0, 0, 0, DateTimeKind.Utc), stored.EffectiveFrom);
        var listed = (await Publishing.ListAsync()).First();
        Assert.Equal(("2027-04-09", VersionStatus.Upcoming), (listed.Version.Version, listed.Status));
    }

    [Fact]
    public async Task A_date_less_than_the_notice_days_ahead_is_refused_at_the_field_and_nothing_is_stored()
    {
        var before = await StoredVersionsAsync();

        var result = await Publishing.PublishAsync(PolicyTestData.Draft(new DateTime(2027, 4, 8)));

        var invalid = Assert.IsType<PolicyPublishResult.Invalid>(result);
        Assert.Contains("30 days ahead", Assert.Single(invalid.Errors[nameof(PolicyDraft.EffectiveDate)]));
        Assert.Equal(before, await StoredVersionsAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    public async Task Empty_markdown_is_refused_at_the_field_and_nothing_is_stored(string markdown)
    {
        var before = await StoredVersionsAsync();

        var result = await Publishing.PublishAsync(PolicyTestData.Draft(new DateTime(2027, 5, 1), markdown));

        var invalid = Assert.IsType<PolicyPublishResult.Invalid>(result);
        Assert.Equal(["Write the policy's text."], invalid.Errors[nameof(PolicyDraft.Markdown)]);
        Assert.Equal(before, await StoredVersionsAsync());
    }

    [Fact]
    public async Task A_date_limit_sent_with_the_draft_is_ignored_the_server_sets_its_own()
    {
        var forged = PolicyTestData.Draft(new DateTime(2027, 3, 11));
        forged.EarliestEffectiveDate = new DateTime(2000, 1, 1);
        forged.NoticeDays = 0;

        Assert.IsType<PolicyPublishResult.Invalid>(await Publishing.PublishAsync(forged));
    }

    [Fact]
    public async Task A_new_version_must_come_after_the_newest_one()
    {
        await Publishing.PublishAsync(PolicyTestData.Draft(new DateTime(2027, 6, 1)));

        var result = await Publishing.PublishAsync(PolicyTestData.Draft(new DateTime(2027, 5, 1)));

        Assert.Contains("choose a later day", Assert.IsType<PolicyPublishResult.Invalid>(result).Errors[nameof(PolicyDraft.EffectiveDate)][0]);
    }

    [Fact]
    public async Task Notice_days_come_from_configuration()
    {
        using var kit = new PanelServices(Kit.Clock.GetUtcNow(), new Dictionary<string, string> { ["Policies:NoticeDays"] = "60" });
        var otherAdmin = await kit.Staff.NewAsync(Roles.Admin);

        var result = await kit.As(otherAdmin.Principal).Get<PolicyPublishing>().PublishAsync(PolicyTestData.Draft(new DateTime(2027, 4, 20)));

        Assert.Contains("60 days ahead", Assert.IsType<PolicyPublishResult.Invalid>(result).Errors[nameof(PolicyDraft.EffectiveDate)][0]);
    }

    [Theory]
    [InlineData(Roles.Customer)]
    [InlineData(Roles.SupportAgent)]
    [InlineData(Roles.Billing)]
    [InlineData(Roles.ComplianceOfficer)]
    public async Task Nobody_but_an_administrator_publishes_or_lists(string role)
    {
        var principal = role == Roles.Customer ? (await Kit.Customers.NewAsync()).Principal : (await Kit.Staff.NewAsync(role)).Principal;
        var publishing = Kit.As(principal).Get<PolicyPublishing>();
        var before = await StoredVersionsAsync();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => publishing.PublishAsync(PolicyTestData.Draft(new DateTime(2027, 5, 1))));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => publishing.ListAsync());
        Assert.Equal(before, await StoredVersionsAsync());
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_a_published_version()
    {
        await Publishing.PublishAsync(PolicyTestData.Draft(new DateTime(2027, 6, 1)));

        await Assert.ThrowsAnyAsync<Exception>(() => Kit.Database.TamperAsync($"UPDATE PolicyVersions SET Summary = 'Nothing changed' WHERE Version = '2027-06-01'"));
        await Assert.ThrowsAnyAsync<Exception>(() => Kit.Database.TamperAsync($"DELETE FROM PolicyVersions WHERE Version = '2008-06'"));
        await using var db = Kit.CreateDbContext();
        Assert.Equal(PolicyTestData.Summary, (await db.PolicyVersions.SingleAsync(v => v.Version == "2027-06-01")).Summary);
    }
}
