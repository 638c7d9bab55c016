using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Features.Domains;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>The officer finds the one customer a disclosure concerns by whatever the request names them by.</summary>
public sealed class CustomerSearchTests : ServiceTest
{
    private CustomerSearch search = null!;

    protected override async Task ArrangeAsync()
    {
        await Kit.Customers.NewAsync("Alice Morgan", id: "alice", with: c => c.Phone = "+14155550142");
        await Kit.Customers.NewAsync("Bob Schneider", id: "bob", number: "C-2000417");
        await Kit.DomainAsync("alice", "morgandaughters.example");
        await Kit.DomainAsync("alice", "café-morgan.example");
        // Staff have sign-in accounts but are never customers.
        var officer = await Kit.Staff.NewAsync(Roles.ComplianceOfficer, "Morgan Lee", email: "morgan@com1.test");
        search = Kit.As(officer.Principal).Get<CustomerSearch>();
    }

    [Theory]
    [InlineData("alice morgan")]
    [InlineData("MORGAN")]
    [InlineData("alice@example")]
    [InlineData("(415) 555-0142")]
    [InlineData("+1 415 555 0142")]
    [InlineData("daughters.example")]
    [InlineData("café-morgan")]
    [InlineData("CAFÉ-MORGAN.example")]
    [InlineData("xn--caf-morgan")]
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
}
