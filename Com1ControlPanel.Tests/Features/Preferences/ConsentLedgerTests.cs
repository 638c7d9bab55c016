using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Tests.Features.Preferences;

// On 28 November 2026 the policy in force is the shipped version 2026-11 (effective 1 November 2026).
public sealed class ConsentLedgerTests() : ServiceTest(now: new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero))
{
    private static readonly ConsentKey PartnerEmail = new(MarketingPurpose.PartnerOffers, ContactChannel.Email);

    private ConsentLedger Ledger => Kit.Get<ConsentLedger>();

    // No switch set yet, so each test sees only the records it makes.
    protected override Task ArrangeAsync() => Kit.Customers.NewAsync("Carol", id: "carol", startingChoices: false);

    private async Task ApplyAsync(ConsentKey key, bool granted, ChangeSource source = ChangeSource.Customer)
    {
        await using var db = Kit.CreateDbContext();
        await Ledger.ApplyAsync(db, "carol", new Dictionary<ConsentKey, bool> { [key] = granted }, new Actor("carol", "Carol", source));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_change_appends_a_record_with_before_after_time_source_actor_and_policy_version()
    {
        await ApplyAsync(PartnerEmail, true, ChangeSource.RegistrationDefault);
        Kit.Clock.Advance(TimeSpan.FromHours(1));
        await ApplyAsync(PartnerEmail, false);

        await using var db = Kit.CreateDbContext();
        var last = await db.ConsentRecords.OrderBy(r => r.Id).LastAsync();
        Assert.Equal((true, false, ChangeSource.Customer, "carol", "2026-11"),
            (last.OldGranted, last.NewGranted, last.Source, last.ActorUserId, last.PolicyVersion));
        Assert.Equal(Kit.Now, last.RecordedAt);
        Assert.False((await db.ConsentStates.SingleAsync()).Granted);
    }

    [Fact]
    public async Task Setting_a_switch_to_where_it_already_is_records_nothing()
    {
        await ApplyAsync(PartnerEmail, false);
        await ApplyAsync(PartnerEmail, false);

        await using var db = Kit.CreateDbContext();
        Assert.Equal(1, await db.ConsentRecords.CountAsync());
    }

    [Fact]
    public async Task A_switch_that_does_not_exist_is_refused_and_nothing_is_written()
    {
        await using var db = Kit.CreateDbContext();
        var invalid = new ConsentKey(MarketingPurpose.PartnerSharing, ContactChannel.Email);

        await Assert.ThrowsAsync<ArgumentException>(() => Ledger.ApplyAsync(db, "carol",
            new Dictionary<ConsentKey, bool> { [invalid] = true }, new Actor("carol", "Carol", ChangeSource.Customer)));
        Assert.False(await db.ConsentRecords.AnyAsync());
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_a_consent_record()
    {
        await ApplyAsync(PartnerEmail, true);
        await using var db = Kit.CreateDbContext();

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE ConsentRecords SET NewGranted = 0"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM ConsentRecords"));
        Assert.True((await db.ConsentRecords.SingleAsync()).NewGranted);
    }
}
