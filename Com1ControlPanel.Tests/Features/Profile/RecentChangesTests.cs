using Bunit;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Profile;

namespace Com1ControlPanel.Tests.Features.Profile;

public sealed class RecentChangesTests() : ComponentTest
{
    [Fact]
    public void Without_changes_it_says_what_will_appear_here()
    {
        var component = Render<RecentChanges>(p => p.Add(c => c.Changes, []));

        Assert.Contains("No changes yet", component.Find("#recent-changes-empty").TextContent);
        Assert.Empty(component.FindAll("table"));
    }

    [Fact]
    public void A_value_typed_as_markup_is_shown_as_text()
    {
        var change = new ProfileChangeView(DateTime.UtcNow, "Company", "(empty)", "<b id=\"x\">Bold</b>", "You");

        var component = Render<RecentChanges>(p => p.Add(c => c.Changes, [change]));

        Assert.Empty(component.FindAll("#x"));
        Assert.Contains("<b id=\"x\">Bold</b>", component.Find("#recent-changes").TextContent);
    }

    [Fact]
    public void A_change_by_support_says_so()
    {
        var change = new ProfileChangeView(DateTime.UtcNow, "Phone", "+1 415-555-0100", "+1 415-555-0177",
            "Com 1 support (Dana Reyes) on your behalf");

        var component = Render<RecentChanges>(p => p.Add(c => c.Changes, [change]));

        Assert.Contains("Com 1 support (Dana Reyes) on your behalf", component.Find("#recent-changes").TextContent);
    }
}
