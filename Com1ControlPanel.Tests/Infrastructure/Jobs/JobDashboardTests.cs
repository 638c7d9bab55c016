using System.Net;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Infrastructure.Jobs;

/// <summary>
/// The job engine's dashboard at /admin/jobs shows what runs in the background (and can retry or delete it), so it is for
/// administrators only, behind the panel's own sign-in: no anonymous or local-only access as the engine allows by default.
/// </summary>
public sealed class JobDashboardTests(PanelApp app) : IClassFixture<PanelApp>
{
    [Fact]
    public async Task An_administrator_sees_the_jobs()
    {
        var admin = await app.Staff.NewAsync(Roles.Admin);
        using var client = await app.Client().SignedInAsync(admin.Email);

        using var response = await client.GetAsync("/admin/jobs");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Com 1 jobs", html);
        Assert.Contains("Servers", html);
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_is_sent_to_sign_in()
    {
        using var client = app.Client();

        using var response = await client.GetAsync("/admin/jobs/jobs/enqueued");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(Roles.ComplianceOfficer)]
    [InlineData(Roles.SupportAgent)]
    [InlineData(Roles.Billing)]
    public async Task Staff_of_other_roles_are_refused(string role)
    {
        var staff = await app.Staff.NewAsync(role);
        using var client = await app.Client().SignedInAsync(staff.Email);

        using var response = await client.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_customer_is_refused_and_cannot_act_on_jobs()
    {
        var customer = await app.Customers.NewAsync("Jo Jobless");
        using var client = await app.Client().SignedInAsync(customer.Email);

        using var page = await client.GetAsync("/admin/jobs");
        using var action = await client.PostAsync("/admin/jobs/jobs/enqueued/delete", new FormUrlEncodedContent([new("jobs[]", "1")]));

        Assert.Contains("/Account/AccessDenied", page.Headers.Location!.OriginalString);
        Assert.NotEqual(HttpStatusCode.OK, action.StatusCode);
        Assert.NotEqual(HttpStatusCode.NoContent, action.StatusCode);
    }
}
