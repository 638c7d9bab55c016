using System.Net;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Features.BillingDesk;

/// <summary>
/// The billing desk is for billing staff only, checked by the server for every page and call; it shows a customer's
/// contact data and never anything that stays with the customer (password, two-factor, passkeys, marketing choices).
/// </summary>
public sealed class BillingDeskAccessTests(PanelApp app) : IClassFixture<PanelApp>
{
    private async Task<HttpClient> SignedInAsync(string role)
    {
        var email = role == Roles.Customer ? (await app.Customers.NewAsync("Cleo Customer")).Email : (await app.Staff.NewAsync(role)).Email;
        return await app.Client().SignedInAsync(email);
    }

    [Fact]
    public async Task Billing_staff_open_the_desk_and_a_customers_record_and_find_the_way_in_the_navigation()
    {
        var customer = await app.Customers.NewAsync("Rita Record");
        using var client = await SignedInAsync(Roles.Billing);

        var desk = await client.GetStringAsync("/staff/billing");
        var record = await client.GetStringAsync($"/staff/billing/customers/{customer.Id}");
        var dashboard = await client.GetStringAsync("/");

        Assert.Contains("Find a customer", desk);
        Assert.Contains("Rita Record", record);
        Assert.Contains("1 Test Street", record);
        Assert.Contains(customer.Email, record);
        Assert.Contains("How the customer asked", record);
        Assert.Contains("href=\"staff/billing\"", dashboard);
        Assert.Contains("Billing desk", dashboard);
    }

    [Fact]
    public async Task The_record_offers_nothing_that_stays_with_the_customer()
    {
        var customer = await app.Customers.NewAsync("Cora Careful");
        using var client = await SignedInAsync(Roles.Billing);

        var record = await client.GetStringAsync($"/staff/billing/customers/{customer.Id}");

        Assert.DoesNotContain("type=\"password\"", record);
        Assert.DoesNotContain("Account/Manage/ChangePassword", record);
        Assert.DoesNotContain("Account/Manage/TwoFactorAuthentication", record);
        Assert.DoesNotContain("Account/Manage/Passkeys", record);
        Assert.DoesNotContain("href=\"preferences\"", record);
        Assert.DoesNotContain("Stop all solicitations", record);
        Assert.DoesNotContain("Support must ask", record);
    }

    [Theory]
    [InlineData(Roles.Customer)]
    [InlineData(Roles.SupportAgent)]
    [InlineData(Roles.ComplianceOfficer)]
    [InlineData(Roles.Admin)]
    public async Task Customers_and_other_staff_are_refused_the_desk_and_not_shown_the_way(string role)
    {
        var customer = await app.Customers.NewAsync("Nora Nobody");
        using var client = await SignedInAsync(role);

        foreach (var path in new[] { "/staff/billing", $"/staff/billing/customers/{customer.Id}" })
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(IsRefused(response, body), $"{path}: got {response.StatusCode}");
            Assert.DoesNotContain("Nora Nobody", body);
            Assert.DoesNotContain("Find a customer", body);
        }
        Assert.DoesNotContain("href=\"staff/billing\"", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in()
    {
        using var client = app.Client();

        using var response = await client.GetAsync("/staff/billing");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Billing_staff_cannot_open_a_customers_preferences_and_the_ledger_refuses_billing_consent()
    {
        var customer = await app.Customers.NewAsync("Pia Prefers");
        using var client = await SignedInAsync(Roles.Billing);

        using var page = await client.GetAsync("/preferences");
        Assert.True(IsRefused(page, await page.Content.ReadAsStringAsync()), $"Got {page.StatusCode}");

        await using var db = app.CreateDbContext();
        var billing = new Actor("billing-staff-1", "Sam Tester", ChangeSource.BillingOnBehalf);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => app.Get<ConsentLedger>()
            .ApplyAsync(db, customer.Id, new Dictionary<ConsentKey, bool> { [new(MarketingPurpose.ComProducts, ContactChannel.Email)] = false }, billing));
    }

    // Refused by the server: sent to the access-denied page, or answered 403 / with the status page.
    private static bool IsRefused(HttpResponseMessage response, string body) =>
        response.StatusCode == HttpStatusCode.Redirect
            ? response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal)
            : response.StatusCode == HttpStatusCode.Forbidden || body.Contains("You don't have access to this page");
}
