using System.Reflection;
using Com1ControlPanel.Features.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd.Pages;

/// <summary>
/// Every page, in the light and the dark theme, as the person it is for opens it: axe-core's WCAG 2.1 A and AA rules find
/// nothing (what a screen reader or a low-vision user would trip over); it has one main landmark and the first Tab offers
/// "Skip to content", which takes the focus into it (WCAG 2.4.1); and every element Tab reaches shows a focus indicator at
/// least 2 px thick with 3:1 contrast against what it is drawn on (WCAG 2.4.7, 2.4.11).
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class EveryPageAccessibilityTests(BrowserApp app, DebianChromium chromium)
{
    private readonly PageVisitors visitors = new(app, chromium);

    [Theory]
    [MemberData(nameof(PanelPages.InBothThemes), MemberType = typeof(PanelPages))]
    public async Task The_page_passes_axe_offers_the_skip_link_and_shows_where_the_focus_is(string address, string theme)
    {
        var visit = PanelPages.At(address);
        var (page, path) = await visitors.OpenAsync(visit, theme);
        try
        {
            Assert.Equal(path, page.Path());

            await AccessibilityChecks.AssertNoViolationsAsync(page);
            await AssertSkipLinkAsync(page);
            var stops = await FocusChecks.TabThroughAsync(page);
            Assert.True(stops.Count >= 2, $"Tab reached only {stops.Count} elements on {address}: {string.Join(", ", stops.Select(s => s.Name))}");
            var problems = stops.Select(FocusChecks.Problem).OfType<string>().ToList();
            Assert.True(problems.Count == 0, $"{address} ({theme}):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
            await page.ScreenshotForReviewAsync($"page{visit.Route.Replace('/', '-').Replace("{", "").Replace("}", "").Replace(":", "")}-{theme}");
        }
        finally
        {
            // Closed at once: a hundred pages left open, each with its live connection, would weigh on the browser and the
            // app for the rest of the run.
            await page.Context.CloseAsync();
        }
    }

    /// <summary>No page is left out of the checks above without a reason: a new page must join <see cref="PanelPages"/>.</summary>
    [Fact]
    public void Every_routed_page_is_checked_or_left_out_with_a_reason()
    {
        var routes = typeof(SupportEndpoints).Assembly.GetTypes()
            .Where(type => typeof(IComponent).IsAssignableFrom(type))
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>())
            .Select(route => route.Template)
            .ToHashSet(StringComparer.Ordinal);
        var covered = PanelPages.All.Select(page => page.Route).Concat(PanelPages.LeftOut.Keys).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(routes.Except(covered).Order());
        Assert.Empty(covered.Except(routes).Order());
    }

    // The first Tab reaches "Skip to content", on screen, and Enter on it puts the focus in the page's one main landmark,
    // so the next Tab continues in the content rather than in the app bar or the menu.
    private static async Task AssertSkipLinkAsync(IPage page)
    {
        Assert.Equal(1, await page.Locator("main, [role=main]").CountAsync());
        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator(":focus");
        await Assertions.Expect(skip).ToHaveTextAsync("Skip to content");
        var box = await skip.BoundingBoxAsync();
        Assert.True(box is { Width: > 20, Height: > 10, X: >= 0, Y: >= 0 }, $"the focused skip link is not on screen: {box?.X},{box?.Y} {box?.Width}x{box?.Height}");
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('main, [role=main]')"),
            "Enter on the skip link did not move the focus into the main content");
    }
}
