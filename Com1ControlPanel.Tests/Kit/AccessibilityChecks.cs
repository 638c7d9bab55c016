using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>axe-core's WCAG 2.1 A and AA rules: what a screen reader or a low-vision user would trip over.</summary>
public static class AccessibilityChecks
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        try
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            // A busy machine can keep a frame's requests going past the wait; the page is checked as it stands, since
            // the rules below are about what is on it, not about how fast it came.
        }
        var results = await page.RunAxe(WcagAa);
        var found = results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }
}
