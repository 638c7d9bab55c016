using System.Net;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Com1ControlPanel.Tests.Security.RateLimitedApp;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Taking data out has a limit per person: downloads per signed-in user, and customer searches per member of staff (those
/// run on live pages, so the search itself counts them).
/// </summary>
public sealed class DataRateLimitTests(RateLimitedApp limited) : IClassFixture<RateLimitedApp>
{
    private async Task<HttpClient> SignedInCustomerAsync(HttpClient? sameNetworkAs = null)
    {
        var email = NewEmail("export");
        await TestCustomers.CreateAsync(limited.Services, email);
        var client = limited.NewClient(sameNetworkAs);
        Assert.Equal(HttpStatusCode.Redirect, (await FormPost.SignInAsync(client, email, TestCustomers.Password)).StatusCode);
        return client;
    }

    [Fact]
    public async Task A_customers_downloads_over_the_limit_are_refused_and_another_customer_at_the_same_address_is_not()
    {
        using var customer = await SignedInCustomerAsync();
        using var neighbour = await SignedInCustomerAsync(sameNetworkAs: customer);

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
        var email = NewEmail("admin");
        await using (var scope = limited.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var admin = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Ada Admin" };
            Assert.True((await users.CreateAsync(admin, TestCustomers.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(admin, Roles.Admin)).Succeeded);
        }
        using var client = limited.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await FormPost.SignInAsync(client, email, TestCustomers.Password)).StatusCode);

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
        await using var scope = limited.Services.CreateAsyncScope();
        var principal = SignedIn.As(staffUserId, "Morgan Lee", Roles.ComplianceOfficer);
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return await scope.ServiceProvider.GetRequiredService<CustomerSearch>().FindAsync(text);
    }
}
