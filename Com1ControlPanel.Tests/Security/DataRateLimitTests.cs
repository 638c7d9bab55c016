using System.Net;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Security;
using static Com1ControlPanel.Tests.Security.RateLimitedApp;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Taking data out has a limit per person: downloads per signed-in user, and customer searches per member of staff (those
/// run on live pages, so the search itself counts them).
/// </summary>
public sealed class DataRateLimitTests(RateLimitedApp limited) : IClassFixture<RateLimitedApp>
{
    private async Task<HttpClient> SignedInCustomerAsync(string address)
    {
        var customer = await limited.Customers.NewAsync("Ed Export");
        return await limited.NewClient(address).SignedInAsync(customer.Email);
    }

    [Fact]
    public async Task A_customers_downloads_over_the_limit_are_refused_and_another_customer_at_the_same_address_is_not()
    {
        var address = ClientAddress.Unique();
        using var customer = await SignedInCustomerAsync(address);
        using var neighbour = await SignedInCustomerAsync(address);

        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync("/disclosures/export.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync("/preferences/receipt")).StatusCode);

        await AssertRefusedAsync(await customer.GetAsync("/disclosures/export.csv"));
        await AssertRefusedAsync(await customer.PostAsync("/Account/Manage/DownloadPersonalData",
            new FormUrlEncodedContent(new Dictionary<string, string>())));
        Assert.Equal(HttpStatusCode.OK, (await neighbour.GetAsync("/disclosures/export.csv")).StatusCode);
    }

    [Fact]
    public async Task An_administrators_contact_list_downloads_over_the_limit_are_refused()
    {
        var admin = await limited.Staff.NewAsync(Roles.Admin);
        using var client = await limited.NewClient().SignedInAsync(admin.Email);

        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/announcements/lists/ComProducts/Phone.csv")).StatusCode);
        }

        await AssertRefusedAsync(await client.GetAsync("/admin/announcements/lists/PartnerOffers/PostalMail.csv"));
    }

    [Fact]
    public async Task Staff_searches_over_the_limit_are_refused_with_when_to_try_again_and_not_recorded()
    {
        var officer = $"officer-{Guid.NewGuid():N}";
        var colleague = $"officer-{Guid.NewGuid():N}";
        for (var i = 0; i < Limit; i++)
        {
            Assert.Null((await SearchAsync(officer, "Alice")).Refusal);
        }

        var refused = await SearchAsync(officer, "Alice");

        Assert.Empty(refused.Found);
        Assert.StartsWith("You have searched many times in a short time. Try again in ", refused.Refusal);
        Assert.Null((await SearchAsync(colleague, "Alice")).Refusal);
        await using var db = limited.CreateDbContext();
        Assert.Equal(Limit, await db.StaffSearchRecords.CountAsync(r => r.StaffUserId == officer));
    }

    /// <summary>Searches as a live page does: through the app's own service, with the staff member's sign-in.</summary>
    private async Task<CustomerSearchResult<CustomerMatch>> SearchAsync(string staffUserId, string text)
    {
        using var officer = limited.As(Principals.Of(staffUserId, "Morgan Lee", Roles.ComplianceOfficer));
        return await officer.Get<CustomerSearch>().FindAsync(text);
    }
}
