using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Support.Console;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Staff search of customers is a way into everyone's data: it needs enough text to mean one person, shows a limited list,
/// leaves a permanent record of every search, and never lets an agent learn an email address the console masks.
/// </summary>
public sealed class StaffSearchTests() : ServiceTest(now: new DateTimeOffset(2026, 11, 28, 10, 30, 0, TimeSpan.Zero))
{
    private const string AliceEmail = "alice.morgan@example.com";

    protected override Task ArrangeAsync() =>
        Kit.Customers.NewAsync("Alice Morgan", id: "alice", email: AliceEmail, number: "C-2000417", with: c => c.Phone = "+14155550142");

    private static ClaimsPrincipal Officer => Principals.Of("officer-1", "Morgan Lee", Roles.ComplianceOfficer);

    private static ClaimsPrincipal Agent => Principals.Of("agent-1", "Dana Reyes", Roles.SupportAgent);

    private CustomerSearch SearchAs(ClaimsPrincipal principal) => Kit.As(principal).Get<CustomerSearch>();

    private async Task<List<StaffSearchRecord>> RecordsAsync()
    {
        await using var db = Kit.CreateDbContext();
        return await db.StaffSearchRecords.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    [Fact]
    public async Task A_search_one_character_short_of_the_minimum_is_refused_with_a_message_and_not_recorded()
    {
        var result = await SearchAs(Officer).FindAsync("Alice Morgan"[..(CustomerSearch.MinLength - 1)]);

        Assert.Empty(result.Found);
        Assert.Equal(CustomerSearch.TooShort, result.Refusal);
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
        Assert.All(records, r => Assert.Equal(("officer-1", Kit.Now), (r.StaffUserId, r.SearchedAt)));
        // Only a customer number, Com 1's own reference, is kept as typed.
        Assert.Equal([null, null, null, "C-2000417", null], records.Select(r => r.CustomerNumber));
    }

    [Fact]
    public async Task Results_stop_at_the_most_a_search_shows_and_say_when_more_customers_match()
    {
        for (var i = 1; i <= CustomerSearch.MaxResults; i++)
        {
            await Kit.Customers.NewAsync($"Pat Namesake {i}");
        }
        await Kit.Customers.NewAsync("Ola Namesake");
        var search = SearchAs(Officer);

        var many = await search.FindAsync("Namesake");
        var exactly = await search.FindAsync("Pat Namesake");

        Assert.Equal((CustomerSearch.MaxResults, true), (many.Found.Count, many.HasMore));
        Assert.Equal((CustomerSearch.MaxResults, false), (exactly.Found.Count, exactly.HasMore));
        Assert.True((await RecordsAsync()).First().MoreMatched);
    }

    [Fact]
    public async Task An_agent_searching_by_the_exact_email_address_gets_only_the_masked_address()
    {
        var console = Kit.As(Agent).Get<SupportConsole>();

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

        await Kit.Database.RefusesAsync(() => Kit.Database.TamperAsync($"UPDATE \"StaffSearchRecords\" SET \"ResultCount\" = 0"));
        await Kit.Database.RefusesAsync(() => Kit.Database.TamperAsync($"DELETE FROM \"StaffSearchRecords\""));
        Assert.Equal(1, Assert.Single(await RecordsAsync()).ResultCount);
    }
}
