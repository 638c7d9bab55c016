using Bunit;
using Com1ControlPanel.Features.Dashboard;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Features.Dashboard;

/// <summary>The staff dashboard names each role's tools and takes the member of staff there in one click.</summary>
public sealed class StaffDashboardTests : ComponentTest
{
    [Theory]
    [InlineData(Roles.SupportAgent, new[] { "support" }, new[] { "Support console" })]
    [InlineData(Roles.Billing, new[] { "staff/billing" }, new[] { "Billing desk" })]
    [InlineData(Roles.ComplianceOfficer, new[] { "compliance/disclosures" }, new[] { "Disclosure register" })]
    [InlineData(Roles.Hostmaster, new[] { "staff/hostmaster" }, new[] { "Hostmaster queue" })]
    [InlineData(Roles.Admin, new[] { "admin/announcements", "admin/policies", "admin/support-sessions" },
        new[] { "Announcements", "Privacy policy", "Support sessions" })]
    public void Each_tool_the_dashboard_names_is_a_link_to_it(string role, string[] hrefs, string[] names)
    {
        var user = Principals.Of("staff-1", "Sam Staff", role);

        var dashboard = Render<StaffDashboard>(p => p.Add(d => d.User, user));

        var links = dashboard.FindAll("a[href]").Select(a => (Href: a.GetAttribute("href")!, Text: a.TextContent.Trim())).ToList();
        for (var i = 0; i < hrefs.Length; i++)
        {
            Assert.Contains(links, link => link.Href == hrefs[i] && link.Text == $"Open {names[i]}");
        }
    }
}
