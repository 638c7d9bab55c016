using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Support.Console;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Staff search of customers is a way into everyone's data: it needs enough text to mean one person, shows a limited list,
/// leaves a permanent record of every search, and never lets an agent learn an email address the console masks.
/// </summary>
public sealed class StaffSearchTests : IDisposable
{
    private const string AliceEmail = "alice.morgan@example.com";
    private readonly TestDatabase database = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 28, 10, 30, 0, TimeSpan.Zero));

    public StaffSearchTests()
    {
        using var db = database.CreateDbContext();
        var alice = TestCustomers.Add(db, "alice", "Alice Morgan");
        alice.Phone = "+14155550142";
        db.Users.Single(u => u.Id == "alice").Email = AliceEmail;
        db.Users.Single(u => u.Id == "alice").NormalizedEmail = AliceEmail.ToUpperInvariant();
        db.SaveChanges();
        db.Customers.Where(c => c.Id == "alice").ExecuteUpdate(s => s.SetProperty(c => c.CustomerNumber, "C-2000417"));
    }

    private static ClaimsPrincipal Officer => SignedIn.As("officer-1", "Morgan Lee", Roles.ComplianceOfficer);

    private static ClaimsPrincipal Agent => SignedIn.As("agent-1", "Dana Reyes", Roles.SupportAgent);

    private CustomerSearch SearchAs(ClaimsPrincipal principal) => StaffSearches.For(database, SignedIn.User(principal, database, clock), clock);

    private async Task<List<StaffSearchRecord>> RecordsAsync()
    {
        await using var db = database.CreateDbContext();
        return await db.StaffSearchRecords.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    [Fact]
    public async Task A_search_of_two_characters_is_refused_with_a_message_and_not_recorded()
    {
        var result = await SearchAs(Officer).FindAsync("Al");

        Assert.Empty(result.Found);
        Assert.Equal("Type at least 3 characters to search.", result.Refusal);
        Assert.Empty(await RecordsAsync());
    }

    [Fact]
    public async Task Every_search_records_who_when_how_many_and_what_kind_but_no_email_address_or_phone_number()
    {
        var search = SearchAs(Officer);

        await search.FindAsync(AliceEmail);
        await search.FindAsync("(415) 555-0142");
        await search.FindAsync("Alice Morgan");
        await search.FindAsync("c-2000417");
        await search.FindAsync("nobody.example");

        var records = await RecordsAsync();
        Assert.Equal(
            [(StaffSearchKind.EmailAddress, 1), (StaffSearchKind.Telephone, 1), (StaffSearchKind.Name, 1),
             (StaffSearchKind.CustomerNumber, 1), (StaffSearchKind.Domain, 0)],
            records.Select(r => (r.Kind, r.ResultCount)));
        Assert.All(records, r => Assert.Equal(("officer-1", clock.GetUtcNow().UtcDateTime), (r.StaffUserId, r.SearchedAt)));
        // Only a customer number, Com 1's own reference, is kept as typed.
        Assert.Equal([null, null, null, "C-2000417", null], records.Select(r => r.CustomerNumber));
    }

    [Fact]
    public async Task Results_stop_at_twenty_and_say_when_more_customers_match()
    {
        await using (var db = database.CreateDbContext())
        {
            for (var i = 1; i <= 21; i++)
            {
                TestCustomers.Add(db, $"namesake-{i}", $"Pat Namesake {i}");
            }
        }
        var search = SearchAs(Officer);

        var many = await search.FindAsync("Namesake");
        var fewer = await search.FindAsync("Namesake 1");

        Assert.Equal((20, true), (many.Found.Count, many.HasMore));
        Assert.Equal((11, false), (fewer.Found.Count, fewer.HasMore));
        Assert.True((await RecordsAsync()).First().MoreMatched);
    }

    [Fact]
    public async Task An_agent_searching_by_the_exact_email_address_gets_only_the_masked_address()
    {
        var agent = SignedIn.User(Agent, database, clock);
        var console = new SupportConsole(database, agent, StaffSearches.For(database, agent, clock));

        var candidates = await console.FindAsync(AliceEmail);
        var matches = await SearchAs(Agent).FindAsync(AliceEmail);

        Assert.Equal("a••••@example.com", Assert.Single(candidates.Found).MaskedEmail);
        Assert.Equal("a••••@example.com", Assert.Single(matches.Found).Email);
    }

    [Theory]
    [InlineData("alice.morgan@")]
    [InlineData("ice.morg")]
    [InlineData("morgan@example.com")]
    public async Task An_agent_cannot_test_guesses_at_the_hidden_part_of_an_address(string guess)
    {
        var result = await SearchAs(Agent).FindAsync(guess);

        Assert.Empty(result.Found);
    }

    [Fact]
    public async Task The_record_of_a_search_cannot_be_changed_or_deleted()
    {
        await SearchAs(Officer).FindAsync("Alice Morgan");
        await using var db = database.CreateDbContext();

        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE StaffSearchRecords SET ResultCount = 0"));
        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM StaffSearchRecords"));
        Assert.Equal(1, Assert.Single(await RecordsAsync()).ResultCount);
    }

    public void Dispose() => database.Dispose();
}
