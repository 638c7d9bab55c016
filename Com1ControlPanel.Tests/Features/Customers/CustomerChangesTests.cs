using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Tests.Kit;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Tests.Features.Customers;

public sealed class CustomerChangesTests() : ServiceTest(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero))
{
    private static readonly Guid Session = Guid.Parse("5e55105e-0000-4000-8000-000000000001");
    private static readonly Actor Agent = new("agent-1", "Dana Agent", ChangeSource.SupportOnBehalf) { SupportSessionId = Session };

    private CustomerChanges changes = null!;

    protected override async Task ArrangeAsync()
    {
        changes = Kit.Get<CustomerChanges>();
        await Kit.Customers.NewAsync("Alice Test", id: "alice");
    }

    // Test customers start at version 1.
    private const int StartVersion = 1;

    [Fact]
    public async Task Only_the_fields_that_really_change_are_written_each_with_its_actor_source_and_session()
    {
        await using var db = Kit.CreateDbContext();

        var result = await changes.ApplyAsync(db, "alice", Agent,
            [new(ProfileField.City, "Oakland"), new(ProfileField.Street, "1 Test Street"), new(ProfileField.Company, "Alice Ltd")]);

        var changed = Assert.IsType<CustomerChangeResult.Changed>(result);
        Assert.Equal([("Company", "Alice Ltd"), ("City", "Oakland")], changed.Changes.Select(c => (c.Field, c.NewValue)));
        Assert.Equal(("Oakland", StartVersion + 1), (changed.Customer.City, changed.Customer.Version));
        await using var check = Kit.CreateDbContext();
        var rows = await check.ProfileChanges.Where(c => c.CustomerId == "alice").OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([ProfileField.City, ProfileField.Company], rows.Select(r => r.Field));
        Assert.All(rows, r => Assert.Equal(("agent-1", "Dana Agent", ChangeSource.SupportOnBehalf, Session, Kit.Clock.GetUtcNow().UtcDateTime),
            (r.ActorUserId, r.ActorName, r.Source, r.SupportSessionId, r.ChangedAt)));
        var customer = await check.Customers.Where(c => c.Id == "alice").Select(c => new { c.City, c.Company, c.Version }).SingleAsync();
        Assert.Equal(("Oakland", "Alice Ltd", StartVersion + 1), (customer.City, customer.Company, customer.Version));
    }

    [Fact]
    public async Task Values_the_customer_already_has_write_nothing_and_keep_the_version()
    {
        await using var db = Kit.CreateDbContext();

        var result = await changes.ApplyAsync(db, "alice", Agent, [new(ProfileField.City, "San Francisco")]);

        Assert.IsType<CustomerChangeResult.Unchanged>(result);
        await using var check = Kit.CreateDbContext();
        Assert.False(await check.ProfileChanges.AnyAsync());
        Assert.Equal(StartVersion, await check.Customers.Where(c => c.Id == "alice").Select(c => c.Version).SingleAsync());
    }

    [Fact]
    public async Task A_change_based_on_an_older_version_is_refused_and_leaves_the_newer_data()
    {
        await using (var first = Kit.CreateDbContext())
        {
            Assert.IsType<CustomerChangeResult.Changed>(await changes.ApplyAsync(first, "alice", Agent, [new(ProfileField.City, "Oakland")], expectedVersion: StartVersion));
        }
        await using var second = Kit.CreateDbContext();

        var result = await changes.ApplyAsync(second, "alice", Agent, [new(ProfileField.City, "Berkeley")], expectedVersion: StartVersion);

        Assert.IsType<CustomerChangeResult.Conflict>(result);
        await using var check = Kit.CreateDbContext();
        Assert.Equal("Oakland", await check.Customers.Where(c => c.Id == "alice").Select(c => c.City).SingleAsync());
        Assert.Single(await check.ProfileChanges.ToListAsync());
    }

    [Fact]
    public async Task The_support_approval_switch_is_kept_as_on_or_off()
    {
        await using var db = Kit.CreateDbContext();
        var customer = new Actor("alice", "Alice Test", ChangeSource.Customer);

        await changes.ApplyAsync(db, "alice", customer, [new(ProfileField.SupportApproval, "On")]);

        await using var check = Kit.CreateDbContext();
        Assert.True(await check.Customers.Where(c => c.Id == "alice").Select(c => c.RequireSupportApproval).SingleAsync());
        var row = await check.ProfileChanges.SingleAsync();
        Assert.Equal((ProfileField.SupportApproval, "Off", "On", "alice", ChangeSource.Customer, (Guid?)null),
            (row.Field, row.OldValue, row.NewValue, row.ActorUserId, row.Source, row.SupportSessionId));
    }
}
