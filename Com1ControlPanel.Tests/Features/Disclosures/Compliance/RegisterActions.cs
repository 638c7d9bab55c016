using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>What a compliance officer does on the disclosure register that takes more than one step.</summary>
internal static class RegisterActions
{
    /// <summary>Closes an open list of choices as a person would: Escape, or a click beside it when Escape did not reach it.</summary>
    public static async Task CloseListAsync(IPage page)
    {
        await page.Keyboard.PressAsync("Escape");
        var open = page.Locator(".mud-popover-open");
        try
        {
            await open.First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 1000 });
        }
        catch (TimeoutException)
        {
            var heading = (await page.Locator("#disclosure-form-heading").BoundingBoxAsync())!;
            await page.Mouse.ClickAsync(heading.X + 2, heading.Y + heading.Height / 2);
        }
        await Assertions.Expect(open).ToHaveCountAsync(0);
    }
}
