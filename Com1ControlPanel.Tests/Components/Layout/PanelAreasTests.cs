using System.Security.Claims;
using Bunit;
using Com1ControlPanel.Components.Layout;
using Com1ControlPanel.Features.Dashboard;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Kit;

namespace Com1ControlPanel.Tests.Components.Layout;

/// <summary>The menu and the dashboard cards come from one catalogue, so they show the same areas to the same people.</summary>
public sealed class PanelAreasTests : ComponentTest
{
    [Theory]
    [InlineData(Roles.Customer, false, new[] { "profile", "billing", "domains", "preferences", "disclosures", "access", "help", "messages", "Account/Manage" })]
    [InlineData(Roles.Customer, true, new[] { "profile", "billing", "domains", "preferences", "disclosures", "access", "help", "messages" })]
    [InlineData(Roles.SupportAgent, false, new[] { "messages", "support", "Account/Manage" })]
    [InlineData(Roles.Billing, false, new[] { "messages", "staff/billing", "Account/Manage" })]
    [InlineData(Roles.ComplianceOfficer, false, new[] { "messages", "compliance/disclosures", "Account/Manage" })]
    [InlineData(Roles.Hostmaster, false, new[] { "messages", "staff/hostmaster", "Account/Manage" })]
    [InlineData(Roles.Admin, false, new[] { "messages", "admin/announcements", "admin/policies", "admin/support-sessions", "admin/jobs", "Account/Manage" })]
    public void The_menu_and_the_dashboard_show_the_same_areas(string role, bool inSupportSession, string[] expected)
    {
        SignIn(inSupportSession ? Principals.InSession("customer-1", Guid.NewGuid()) : Principals.Of("someone", "Someone", role));

        var menu = Render<NavMenu>().FindAll("a[href]")
            .Select(a => (Href: a.GetAttribute("href")!, Title: a.TextContent.Trim()))
            .Where(link => link.Href != "/")
            .ToList();
        var cards = Render<PanelAreaCards>().FindAll(".mud-card")
            .Select(card => (Href: card.QuerySelector("a[href]")!.GetAttribute("href")!, Title: card.QuerySelector("h3")!.TextContent.Trim()))
            .ToList();

        Assert.Equal(expected, menu.Select(link => link.Href));
        Assert.Equal(menu, cards);
    }
}
