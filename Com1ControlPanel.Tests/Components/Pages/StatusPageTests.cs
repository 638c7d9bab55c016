using Bunit;
using Com1ControlPanel.Components.Pages;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Com1ControlPanel.Tests.Components.Pages;

public sealed class StatusPageTests : BunitContext
{
    public StatusPageTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private string Heading(int code) =>
        Render<StatusPage>(p => p.Add(s => s.Code, code)).Find("h1").TextContent.Trim();

    [Fact]
    public void The_not_found_route_without_a_code_explains_a_missing_page() =>
        Assert.Equal("Page not found", Heading(0));

    [Fact]
    public void A_forbidden_page_says_access_is_missing_not_that_the_page_is_missing()
    {
        var heading = Heading(403);
        Assert.Contains("access", heading, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(Heading(404), heading);
    }

    [Fact]
    public void An_unexpected_code_never_shows_a_raw_number_or_error_text()
    {
        var page = Render<StatusPage>(p => p.Add(s => s.Code, 502));
        Assert.DoesNotContain("502", page.Markup);
        Assert.DoesNotContain("Exception", page.Markup);
    }

    [Fact]
    public void Every_status_page_offers_the_way_back_to_the_dashboard()
    {
        var page = Render<StatusPage>(p => p.Add(s => s.Code, 404));
        // A link, not a button: the page is often shown without a live connection, where only links work.
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") is "/" or "./");
    }
}
