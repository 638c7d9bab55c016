using Bunit;
using Com1ControlPanel.Components.Pages;

namespace Com1ControlPanel.Tests.Components.Pages;

public sealed class StatusPageTests() : ComponentTest(interactive: false)
{
    private IRenderedComponent<StatusPage> Page(int code) => Render<StatusPage>(p => p.Add(s => s.Code, code));

    private static string Heading(IRenderedComponent<StatusPage> page) => page.Find("h1").TextContent.Trim();

    [Fact]
    public void The_not_found_route_without_a_code_explains_a_missing_page()
    {
        // Signed in, the menu is there to use.
        SignIn(Principals.Customer("c-1"));
        var page = Page(0);

        Assert.Equal("Page not found", Heading(page));
        Assert.Contains("The page you asked for does not exist. Check the address, or use the navigation to find what you need.",
            page.Markup);
    }

    [Fact]
    public void A_signed_out_visitor_is_not_sent_to_a_menu_they_cannot_see_but_asked_to_sign_in()
    {
        var page = Page(404);

        Assert.Equal("Page not found", Heading(page));
        Assert.Contains("The page you asked for does not exist. Check the address, or sign in to find what you need from your dashboard.",
            page.Markup);
        Assert.DoesNotContain("navigation", page.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_forbidden_page_says_access_is_missing_not_that_the_page_is_missing()
    {
        var page = Page(403);

        Assert.Equal("You don't have access to this page", Heading(page));
        Assert.Contains("Your account does not have permission to see this page. If you think it should,", page.Markup);
        Assert.Contains("ask Com 1 support for help", page.Markup);
    }

    [Fact]
    public void A_forbidden_page_takes_a_customer_to_get_help()
    {
        SignIn(Principals.Customer("status-customer"));

        var link = Assert.Single(Page(403).FindAll("a"), a => a.GetAttribute("href") == "help");

        Assert.Equal("ask Com 1 support for help", link.TextContent.Trim());
    }

    [Fact]
    public void A_request_that_could_not_be_understood_says_nothing_was_changed()
    {
        var page = Page(400);

        Assert.Equal("That request could not be understood", Heading(page));
        Assert.Contains("The request was incomplete or malformed, so nothing was changed. Go back and try again.", page.Markup);
    }

    [Fact]
    public void An_unexpected_code_says_something_went_wrong_without_a_raw_number_or_error_text()
    {
        var page = Page(502);

        Assert.Equal("Something went wrong", Heading(page));
        Assert.Contains("We could not complete your request. Please try again in a moment.", page.Markup);
        // The text a person reads; the markup carries random element references that may contain the digits.
        Assert.DoesNotContain("502", string.Concat(page.Nodes.Select(n => n.TextContent)));
        Assert.DoesNotContain("Exception", page.Markup);
    }

    [Fact]
    public void Every_status_page_offers_the_way_back_to_the_dashboard()
    {
        // A link, not a button: the page is often shown without a live connection, where only links work.
        var link = Assert.Single(Page(404).FindAll("a"), a => a.GetAttribute("href") is "/" or "./");
        Assert.Equal("Go to the dashboard", link.TextContent.Trim());
    }
}
