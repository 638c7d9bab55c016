using Com1ControlPanel.Features.Policies;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Tests.Features.Policies;

/// <summary>
/// The table is the store of record: the shipped files join it once, and which version is in force follows the clock,
/// so consent records keep the version in force at the moment they were made.
/// </summary>
public sealed class PolicyStoreTests() : ServiceTest(now: new DateTimeOffset(2027, 1, 15, 12, 0, 0, TimeSpan.Zero))
{
    private PolicyStore Store => Kit.Get<PolicyStore>();

    [Fact]
    public async Task The_shipped_versions_join_the_table_once()
    {
        await Store.EnsureShippedAsync();
        await Kit.Get<PolicyStore>().VersionsAsync();

        await using var db = Kit.CreateDbContext();
        var stored = await db.PolicyVersions.Where(v => v.Shipped).OrderBy(v => v.EffectiveFrom).Select(v => v.Version).ToListAsync();
        Assert.Equal(ShippedPolicies.All.Select(f => f.Version), stored);
    }

    [Fact]
    public async Task The_version_in_force_follows_the_effective_dates()
    {
        Assert.Equal("2008-06", await Store.VersionNameAtAsync(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("2026-11", await Store.VersionNameAtAsync(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("2008-06", await Store.VersionNameAtAsync(new DateTime(2026, 10, 31, 23, 59, 59, DateTimeKind.Utc)));
    }

    [Fact]
    public async Task A_consent_change_keeps_the_version_in_force_at_that_moment()
    {
        var customer = await Kit.Customers.NewAsync("Vera Version", startingChoices: false);
        var published = await PolicyTestData.PublishAsync(Kit, Kit.Now);
        var key = new ConsentKey(MarketingPurpose.ComProducts, ContactChannel.Email);

        await ChangeAsync(customer, key, true);
        Kit.Clock.Advance(TimeSpan.FromDays(31));
        await ChangeAsync(customer, key, false);

        await using var db = Kit.CreateDbContext();
        var versions = await db.ConsentRecords.Where(r => r.CustomerId == customer.Id).OrderBy(r => r.Id).Select(r => r.PolicyVersion).ToListAsync();
        Assert.Equal(["2026-11", published], versions);
    }

    private async Task ChangeAsync(TestCustomer customer, ConsentKey key, bool granted)
    {
        await using var db = Kit.CreateDbContext();
        await Kit.Get<ConsentLedger>().ApplyAsync(db, customer.Id, new Dictionary<ConsentKey, bool> { [key] = granted },
            new Actor(customer.Id, customer.FullName, ChangeSource.Customer));
        await db.SaveChangesAsync();
    }
}
