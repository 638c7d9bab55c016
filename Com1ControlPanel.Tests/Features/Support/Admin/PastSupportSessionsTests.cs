using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Admin;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Features.Support.Admin;

/// <summary>The administrators' list of past support sessions: what it shows, its filters and pages, and who may see it.</summary>
public sealed class PastSupportSessionsTests() : ServiceTest(now: new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero))
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private StaffMember dana = null!, otto = null!, admin = null!;
    private TestCustomer alice = null!, bruno = null!;

    protected override async Task ArrangeAsync()
    {
        dana = await Kit.Staff.NewAgentAsync("Dana Agent");
        otto = await Kit.Staff.NewAgentAsync("Otto Agent");
        admin = await Kit.Staff.NewAsync(Roles.Admin, "Ada Admin");
        alice = await Kit.Customers.NewAsync("Alice Archer", number: "C-100200");
        bruno = await Kit.Customers.NewAsync("Bruno Baker", number: "C-300400");
    }

    private DateTime Now => Kit.Now;

    private SupportSessionHistory History() => Kit.As(Principals.Of(admin.Id, admin.Name, Roles.Admin)).Get<SupportSessionHistory>();

    private async Task<ListPage<PastSessionView>> PastAsync(PastSessionFilter? filter = null, int page = 0) =>
        await History().PastAsync(filter ?? new PastSessionFilter(), TimeZoneInfo.Utc, page);

    [Fact]
    public async Task Ended_and_expired_sessions_are_listed_newest_first_with_how_long_they_lasted_and_how_they_ended()
    {
        await Kit.SupportBy(dana).SessionAsync(alice.Id, Now.AddMinutes(-10), minutes: 30);
        await Kit.SupportBy(dana).SessionAsync(alice.Id, Now.AddHours(-5), ending: SessionEnding.EndedByCustomer,
            endedAt: Now.AddHours(-5).AddMinutes(12), ticket: "T-CUST");
        await Kit.SupportBy(otto).SessionAsync(bruno.Id, Now.AddHours(-3), minutes: 20, ticket: "T-RAN-OUT");
        await Kit.SupportBy(dana).SessionAsync(bruno.Id, Now.AddHours(-1), ending: SessionEnding.EndedByAdmin,
            endedAt: Now.AddHours(-1).AddMinutes(3), ticket: "T-ADMIN");

        var past = await PastAsync();

        Assert.Equal(3, past.Total);
        Assert.Equal(["T-ADMIN", "T-RAN-OUT", "T-CUST"], past.Items.Select(s => s.Ticket));
        var byAdmin = past.Items[0];
        Assert.Equal(("Dana Agent", "Bruno Baker", "C-300400"), (byAdmin.AgentName, byAdmin.CustomerName, byAdmin.CustomerNumber));
        Assert.Equal(("3 min", "Ended by an administrator"), (byAdmin.Lasted, byAdmin.HowItEnded));
        Assert.Equal(("20 min", "Ran out its time"), (past.Items[1].Lasted, past.Items[1].HowItEnded));
        Assert.Equal(("12 min", "Ended by the customer"), (past.Items[2].Lasted, past.Items[2].HowItEnded));
    }

    [Fact]
    public async Task The_agent_and_customer_filters_narrow_the_list_on_the_server()
    {
        await Kit.SupportBy(dana).SessionAsync(alice.Id, Now.AddHours(-4), ending: SessionEnding.EndedByAgent, endedAt: Now.AddHours(-4).AddMinutes(5), ticket: "T-DA");
        await Kit.SupportBy(otto).SessionAsync(alice.Id, Now.AddHours(-3), ending: SessionEnding.EndedByAgent, endedAt: Now.AddHours(-3).AddMinutes(5), ticket: "T-OA");
        await Kit.SupportBy(otto).SessionAsync(bruno.Id, Now.AddHours(-2), ending: SessionEnding.EndedByAgent, endedAt: Now.AddHours(-2).AddMinutes(5), ticket: "T-OB");

        Assert.Equal(["T-OB", "T-OA"], (await PastAsync(new() { AgentUserId = otto.Id })).Items.Select(s => s.Ticket));
        Assert.Equal(["T-OA", "T-DA"], (await PastAsync(new() { Customer = "archer" })).Items.Select(s => s.Ticket));
        Assert.Equal(["T-OB"], (await PastAsync(new() { Customer = "C-300400" })).Items.Select(s => s.Ticket));
        Assert.Equal(["T-OB"], (await PastAsync(new() { Customer = bruno.Email.ToUpperInvariant() })).Items.Select(s => s.Ticket));
        Assert.Equal(["T-OA"], (await PastAsync(new() { AgentUserId = otto.Id, Customer = "Alice" })).Items.Select(s => s.Ticket));
        Assert.Equal(0, (await PastAsync(new() { Customer = "nobody at all" })).Total);
        Assert.Equal(["Dana Agent", "Otto Agent"], (await History().AgentsAsync()).Select(a => a.Name));
    }

    [Fact]
    public async Task The_date_range_counts_days_in_the_viewers_zone()
    {
        // 23:30 UTC on 26 November is already 27 November in Berlin (UTC+1).
        await Kit.SupportBy(dana).SessionAsync(alice.Id, new DateTime(2026, 11, 26, 23, 30, 0, DateTimeKind.Utc), ending: SessionEnding.EndedByAgent,
            endedAt: new DateTime(2026, 11, 26, 23, 40, 0, DateTimeKind.Utc), ticket: "T-LATE");
        await Kit.SupportBy(dana).SessionAsync(alice.Id, new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc), ending: SessionEnding.EndedByAgent,
            endedAt: new DateTime(2026, 11, 25, 10, 10, 0, DateTimeKind.Utc), ticket: "T-EARLY");
        var the27th = new PastSessionFilter { From = new DateOnly(2026, 11, 27), To = new DateOnly(2026, 11, 27) };

        Assert.Equal(["T-LATE"], (await History().PastAsync(the27th, Berlin)).Items.Select(s => s.Ticket));
        Assert.Empty((await History().PastAsync(the27th, TimeZoneInfo.Utc)).Items);
        Assert.Equal(["T-EARLY"], (await History().PastAsync(new() { To = new DateOnly(2026, 11, 25) }, Berlin)).Items.Select(s => s.Ticket));
    }

    [Fact]
    public async Task Past_sessions_come_twenty_to_a_page_and_older_pages_follow()
    {
        for (var i = 0; i < 25; i++)
        {
            await Kit.SupportBy(dana).SessionAsync(alice.Id, Now.AddDays(-1).AddMinutes(-30 * i), ending: SessionEnding.EndedByAgent,
                endedAt: Now.AddDays(-1).AddMinutes(-30 * i + 10), ticket: $"T-{i:00}");
        }

        var first = await PastAsync();
        var second = await PastAsync(page: 1);

        Assert.Equal((25, 20, true, false), (first.Total, first.Items.Count, first.HasOlder, first.HasNewer));
        Assert.Equal("T-00", first.Items[0].Ticket);
        Assert.Equal(["T-20", "T-21", "T-22", "T-23", "T-24"], second.Items.Select(s => s.Ticket));
        Assert.Equal((false, true), (second.HasOlder, second.HasNewer));
    }

    [Fact]
    public async Task Only_administrators_see_past_sessions_and_an_administrator_acting_as_support_does_not()
    {
        await Kit.SupportBy(dana).SessionAsync(alice.Id, Now.AddHours(-2), ending: SessionEnding.EndedByAgent, endedAt: Now.AddHours(-1));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            Kit.As(Principals.Agent(dana.Id, dana.Name)).Get<SupportSessionHistory>().PastAsync(new(), TimeZoneInfo.Utc));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            Kit.As(Principals.Customer(alice.Id)).Get<SupportSessionHistory>().AgentsAsync());
    }
}
