using System.Net;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Features.Hostmaster;

/// <summary>
/// The hostmaster queue is for hostmasters only, checked by the server for the page and every call: everyone else gets 403
/// and nothing of the queue. A hostmaster is staff, never a customer: no customer page opens for them.
/// </summary>
public sealed class HostmasterAccessTests(PanelApp app) : IClassFixture<PanelApp>
{
    private async Task<HttpClient> SignedInAsync(string role)
    {
        var email = role == Roles.Customer ? (await app.Customers.NewAsync("Cleo Customer")).Email : (await app.Staff.NewAsync(role)).Email;
        return await app.Client().SignedInAsync(email);
    }

    /// <summary>A request of a customer of this test's own, waiting in the queue; its domain's name.</summary>
    private async Task<string> WaitingRequestAsync()
    {
        var (customer, domain) = await app.CustomerWithDomainAsync("Wanda Waiting", MoveSteps.NewDomainName("walled"));
        await app.RequestMoveAsync(customer, domain);
        return domain.Name;
    }

    [Fact]
    public async Task A_hostmaster_opens_the_queue_sees_the_requests_and_finds_the_way_on_the_dashboard()
    {
        var domain = await WaitingRequestAsync();
        using var client = await SignedInAsync(Roles.Hostmaster);

        using var response = await client.GetAsync("/staff/hostmaster");
        var queue = await response.Content.ReadAsStringAsync();
        var dashboard = await client.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hostmaster queue", queue);
        Assert.Contains(domain, queue);
        Assert.Contains("Wanda Waiting", queue);
        Assert.Contains("href=\"staff/hostmaster\"", dashboard);
    }

    [Theory]
    [InlineData(Roles.Customer)]
    [InlineData(Roles.SupportAgent)]
    [InlineData(Roles.Billing)]
    [InlineData(Roles.ComplianceOfficer)]
    [InlineData(Roles.Admin)]
    public async Task Everyone_else_gets_403_and_nothing_of_the_queue_nor_the_way_to_it(string role)
    {
        var domain = await WaitingRequestAsync();
        using var client = await SignedInAsync(role);

        var (status, body) = await RefusedAsync(client, "/staff/hostmaster");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Your account does not have access to it.", body);
        Assert.DoesNotContain(domain, body);
        Assert.DoesNotContain("Wanda Waiting", body);
        Assert.DoesNotContain("Waiting, oldest first", body);
        Assert.DoesNotContain("href=\"staff/hostmaster\"", await client.GetStringAsync("/"));
    }

    [Theory]
    [InlineData("/profile")]
    [InlineData("/billing")]
    [InlineData("/domains")]
    [InlineData("/preferences")]
    [InlineData("/disclosures")]
    [InlineData("/access")]
    [InlineData("/staff/billing")]
    [InlineData("/support")]
    [InlineData("/compliance/disclosures")]
    [InlineData("/admin/announcements")]
    public async Task A_hostmaster_gets_no_customer_page_and_no_other_desk(string path)
    {
        using var client = await SignedInAsync(Roles.Hostmaster);

        var (status, body) = await RefusedAsync(client, path);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Your account does not have access to it.", body);
    }

    // The server refuses before any page is chosen and sends the browser to the access-denied page, which answers 403.
    private static async Task<(HttpStatusCode Status, string Body)> RefusedAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path}: got {response.StatusCode}");
        var denied = new Uri(client.BaseAddress!, response.Headers.Location!);
        Assert.Equal("/Account/AccessDenied", denied.AbsolutePath);
        using var page = await client.GetAsync(denied);
        return (page.StatusCode, await response.Content.ReadAsStringAsync() + await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in()
    {
        using var client = app.Client();

        using var response = await client.GetAsync("/staff/hostmaster");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
    }
}
