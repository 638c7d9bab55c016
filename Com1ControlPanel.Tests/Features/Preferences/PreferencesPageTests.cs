using Bunit;
using Com1ControlPanel.Features.Preferences;

namespace Com1ControlPanel.Tests.Features.Preferences;

public sealed class PreferencesPageTests() : ComponentTest(interactive: false)
{
    // A US customer: registration starts every switch on.
    protected override async Task ArrangeAsync() => SignIn((await Kit.Customers.NewAsync("Fay Test", id: "fay")).Principal);

    /// <summary>The page, once it has loaded the customer's choices.</summary>
    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderPage()
    {
        var host = RenderPage<PreferencesPage>();
        host.WaitForElement("#stop-all");
        return host;
    }

    [Fact]
    public void Essential_notices_are_shown_on_and_cannot_be_switched_off()
    {
        var page = RenderPage();

        var essential = page.Find("#essential-notices input[type=checkbox]");
        Assert.True(essential.HasAttribute("checked"));
        Assert.True(essential.HasAttribute("disabled"));
        Assert.Contains("billing", page.Find("#essential-notices-why").TextContent);
    }

    [Fact]
    public async Task Stop_all_asks_first_and_then_leaves_essential_notices_only()
    {
        var page = RenderPage();

        // Not awaited: the click's handler is waiting for the customer's answer in the dialog.
        page.Find("#stop-all-button").Click();
        var confirm = page.WaitForElement(".mud-dialog .mud-dialog-actions button:last-child");
        Assert.Contains("Essential notices", page.Find(".mud-dialog").TextContent);
        await using (var db = Kit.CreateDbContext())
        {
            Assert.True(await db.ConsentStates.AllAsync(s => s.Granted), "Nothing may change before the customer confirms.");
        }

        await confirm.ClickAsync(new());

        page.WaitForElement("#essential-only");
        await using var after = Kit.CreateDbContext();
        var positions = await after.ConsentStates.ToDictionaryAsync(s => new ConsentKey(s.Purpose, s.Channel), s => s.Granted);
        Assert.Equal([new ConsentKey(MarketingPurpose.UsageStatistics, ContactChannel.None)], positions.Where(p => p.Value).Select(p => p.Key));
    }

    [Fact]
    public async Task Cancelling_stop_all_changes_nothing()
    {
        var page = RenderPage();

        page.Find("#stop-all-button").Click();
        await page.WaitForElement(".mud-dialog .mud-dialog-actions button:first-child").ClickAsync(new());

        await using var db = Kit.CreateDbContext();
        Assert.True(await db.ConsentStates.AllAsync(s => s.Granted));
        Assert.Empty(page.FindAll("#essential-only"));
    }
}
