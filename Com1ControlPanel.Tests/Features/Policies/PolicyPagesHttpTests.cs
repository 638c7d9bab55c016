using System.Net;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Features.Policies;

/// <summary>
/// The privacy policy is public: the version in force, every version and the changes between any two, without signing in;
/// an unknown version is a 404. Publishing is for administrators only.
/// </summary>
public sealed class PolicyPagesHttpTests(PanelApp app) : IClassFixture<PanelApp>
{
    [Fact]
    public async Task Anyone_reads_the_version_in_force_and_the_list_of_versions_without_signing_in()
    {
        using var client = app.Client();

        using var response = await client.GetAsync("/privacy");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Version 2026-11, in force since 1 November 2026.", html);
        Assert.Contains("Your disclosure log", html);
        Assert.Contains("href=\"/privacy/2008-06\"", html);
        Assert.Contains("href=\"/privacy/changes?from=2008-06&amp;to=2026-11\"", html);
    }

    [Fact]
    public async Task An_earlier_version_is_shown_as_replaced()
    {
        using var client = app.Client();

        var html = await client.GetStringAsync("/privacy/2008-06");

        Assert.Contains("Version 2008-06 applied from 1 June 2008. It has been replaced by version 2026-11.", html);
        Assert.Contains("No Solicitation Request", html);
    }

    [Fact]
    public async Task The_changes_between_two_versions_mark_what_was_removed_and_added()
    {
        using var client = app.Client();

        using var response = await client.GetAsync("/privacy/changes?from=2008-06&to=2026-11");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<ins>", html);
        Assert.Contains("<del>", html);
        Assert.Contains("hash chain", html);
    }

    [Theory]
    [InlineData("/privacy/1999-01")]
    [InlineData("/privacy/changes?from=2008-06&to=2099-01")]
    [InlineData("/privacy/changes?from=nope&to=2026-11")]
    [InlineData("/privacy/changes?from=2008-06")]
    [InlineData("/privacy/changes")]
    public async Task An_unknown_version_is_not_found(string path)
    {
        using var client = app.Client();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_publishing_page_sends_a_visitor_to_sign_in()
    {
        using var client = app.Client();

        using var response = await client.GetAsync("/admin/policies");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery);
    }

    [Theory]
    [InlineData(Roles.Customer)]
    [InlineData(Roles.SupportAgent)]
    [InlineData(Roles.Billing)]
    [InlineData(Roles.ComplianceOfficer)]
    public async Task The_publishing_page_is_refused_to_everyone_but_administrators(string role)
    {
        var email = role == Roles.Customer ? (await app.Customers.NewAsync()).Email : (await app.Staff.NewAsync(role)).Email;
        using var client = await app.Client().SignedInAsync(email);

        using var response = await client.GetAsync("/admin/policies");
        var html = await response.Content.ReadAsStringAsync();

        // Sent to the access-denied page, as every page for another role is.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain("policy-markdown", html);
        Assert.DoesNotContain("href=\"admin/policies\"", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task An_administrator_opens_the_publishing_page_from_the_dashboard()
    {
        var admin = await app.Staff.NewAsync(Roles.Admin);
        using var client = await app.Client().SignedInAsync(admin.Email);

        var page = await client.GetStringAsync("/admin/policies");
        var dashboard = await client.GetStringAsync("/");

        Assert.Contains("Publish a new version", page);
        Assert.Contains("href=\"admin/policies\"", dashboard);
    }

    [Fact]
    public async Task A_customer_sees_the_versions_they_were_shown_under_their_account()
    {
        var customer = await app.Customers.NewAsync("Mia Manage");
        using var client = await app.Client().SignedInAsync(customer.Email);
        using (await client.PostFormAsync("/privacy/notice/close", new Dictionary<string, string> { ["version"] = "2026-11", ["returnUrl"] = "/" }))
        {
        }

        var html = await client.GetStringAsync("/Account/Manage/Privacy");

        Assert.Contains("id=\"policies-shown\"", html);
        Assert.Contains("You closed the notice about it", html);
    }
}
