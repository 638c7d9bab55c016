using System.Net;
using Com1ControlPanel.Data;
using Com1ControlPanel.Data.DemoData;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Features.BillingDesk;

/// <summary>
/// The billing desk is for billing staff only, checked by the server for every page and call; it shows a customer's
/// contact data and never anything that stays with the customer (password, two-factor, passkeys, marketing choices).
/// </summary>
public sealed class BillingDeskAccessTests(PanelAppFactory app) : IClassFixture<PanelAppFactory>
{
    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateNonRedirectingClient();
        using var signIn = await FormPost.SignInAsync(client, email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    private async Task<Customer> CustomerAsync(string name) =>
        await TestCustomers.CreateAsync(app.Services, $"c-{Guid.NewGuid():N}@example.com", name);

    [Fact]
    public async Task Billing_staff_open_the_desk_and_a_customers_record_and_find_the_way_in_the_navigation()
    {
        var customer = await CustomerAsync("Rita Record");
        using var client = await SignedInAsync("billing@com1.test");

        var desk = await client.GetStringAsync("/staff/billing");
        var record = await client.GetStringAsync($"/staff/billing/customers/{customer.Id}");
        var dashboard = await client.GetStringAsync("/");

        Assert.Contains("Find a customer", desk);
        Assert.Contains("Rita Record", record);
        Assert.Contains("1 Test Street", record);
        Assert.Contains("How the customer asked", record);
        Assert.Contains("href=\"staff/billing\"", dashboard);
        Assert.Contains("Billing desk", dashboard);
    }

    [Fact]
    public async Task The_record_offers_nothing_that_stays_with_the_customer()
    {
        var customer = await CustomerAsync("Cora Careful");
        using var client = await SignedInAsync("billing@com1.test");

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
    [InlineData("alice@example.com")]
    [InlineData("agent@com1.test")]
    [InlineData("compliance@com1.test")]
    [InlineData("admin@com1.test")]
    public async Task Customers_and_other_staff_are_refused_the_desk_and_not_shown_the_way(string email)
    {
        var customer = await CustomerAsync("Nora Nobody");
        using var client = await SignedInAsync(email);

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
        using var client = app.CreateNonRedirectingClient();

        using var response = await client.GetAsync("/staff/billing");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Billing_staff_cannot_open_a_customers_preferences_and_the_ledger_refuses_billing_consent()
    {
        var customer = await CustomerAsync("Pia Prefers");
        using var client = await SignedInAsync("billing@com1.test");

        using var page = await client.GetAsync("/preferences");
        Assert.True(IsRefused(page, await page.Content.ReadAsStringAsync()), $"Got {page.StatusCode}");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var billing = new Actor("billing-staff-1", "Sam Tester", ChangeSource.BillingOnBehalf);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scope.ServiceProvider.GetRequiredService<ConsentLedger>()
            .ApplyAsync(db, customer.Id, new Dictionary<ConsentKey, bool> { [new(MarketingPurpose.ComProducts, ContactChannel.Email)] = false }, billing));
    }

    // Refused by the server: sent to the access-denied page, or answered 403 / with the status page.
    private static bool IsRefused(HttpResponseMessage response, string body) =>
        response.StatusCode == HttpStatusCode.Redirect
            ? response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal)
            : response.StatusCode == HttpStatusCode.Forbidden || body.Contains("You don't have access to this page");
}
