using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>The officer finds the one customer a disclosure concerns by whatever the request names them by.</summary>
public sealed class CustomerSearchTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly CustomerSearch search;

    public CustomerSearchTests()
    {
        using var db = database.CreateDbContext();
        var alice = TestCustomers.Add(db, "alice", "Alice Morgan");
        alice.Phone = "+14155550142";
        TestCustomers.Add(db, "bob", "Bob Schneider");
        db.CustomerDomains.Add(new CustomerDomain { CustomerId = "alice", Name = "morgandaughters.example" });
        // Staff have sign-in accounts but are never customers.
        db.Users.Add(new ApplicationUser { Id = "officer", UserName = "morgan@com1.test", Email = "morgan@com1.test", NormalizedEmail = "MORGAN@COM1.TEST", DisplayName = "Morgan Lee" });
        db.SaveChanges();
        db.Customers.Where(c => c.Id == "bob").ExecuteUpdate(s => s.SetProperty(c => c.CustomerNumber, "C-2000417"));
        search = StaffSearches.For(database, SignedIn.User(SignedIn.As("officer", "Morgan Lee", Roles.ComplianceOfficer), database),
            TimeProvider.System);
    }

    [Theory]
    [InlineData("alice morgan")]
    [InlineData("MORGAN")]
    [InlineData("alice@example")]
    [InlineData("(415) 555-0142")]
    [InlineData("+1 415 555 0142")]
    [InlineData("daughters.example")]
    public async Task A_customer_is_found_by_name_email_phone_in_any_format_or_domain(string query)
    {
        var found = (await search.FindAsync(query)).Found;

        Assert.Equal("alice", Assert.Single(found).Id);
    }

    [Fact]
    public async Task The_customer_number_finds_exactly_that_customer()
    {
        Assert.Equal("bob", Assert.Single((await search.FindAsync("c-2000417")).Found).Id);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("morgan@com1")]
    [InlineData("%%")]
    public async Task Too_short_staff_and_wildcard_searches_find_no_one(string query)
    {
        Assert.Empty((await search.FindAsync(query)).Found);
    }

    public void Dispose() => database.Dispose();
}
