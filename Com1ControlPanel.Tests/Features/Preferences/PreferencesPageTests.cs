using Bunit;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;

namespace Com1ControlPanel.Tests.Features.Preferences;

public sealed class PreferencesPageTests : BunitContext, IAsyncLifetime
{
    private readonly TestDatabase database = new();

    public PreferencesPageTests()
    {
        var options = Options.Create(new PreferencesOptions());
        using (var db = database.CreateDbContext())
        {
            TestCustomers.Add(db, "fay", "Fay Test");
            new ConsentLedger(options, TimeProvider.System, new ConsentChanges())
                .ApplyAsync(db, "fay", new ConsentDefaults(options).For("US"), ConsentDefaults.CountryRule)
                .GetAwaiter().GetResult();
            db.SaveChanges();
        }
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(_ => database);
        Services.AddSingleton(SignedIn.Customer("fay", "Fay Test"));
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(options);
        Services.AddSingleton<ConsentChanges>();
        Services.AddSingleton<ConsentLedger>();
        Services.AddSingleton<ILogger<ConsentService>>(NullLogger<ConsentService>.Instance);
        Services.AddScoped<ConsentService>();
    }

    /// <summary>The page with the providers the layout gives it; dialogs render in the provider, outside the page.</summary>
    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderPage()
    {
        var host = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<PreferencesPage>(2);
            builder.CloseComponent();
        });
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
        await using (var db = database.CreateDbContext())
        {
            Assert.True(await db.ConsentStates.AllAsync(s => s.Granted), "Nothing may change before the customer confirms.");
        }

        await confirm.ClickAsync(new());

        page.WaitForElement("#essential-only");
        await using var after = database.CreateDbContext();
        var positions = await after.ConsentStates.ToDictionaryAsync(s => new ConsentKey(s.Purpose, s.Channel), s => s.Granted);
        Assert.All(ConsentKey.Solicitations, k => Assert.False(positions[k], k.Label));
    }

    [Fact]
    public async Task Cancelling_stop_all_changes_nothing()
    {
        var page = RenderPage();

        page.Find("#stop-all-button").Click();
        await page.WaitForElement(".mud-dialog .mud-dialog-actions button:first-child").ClickAsync(new());

        await using var db = database.CreateDbContext();
        Assert.True(await db.ConsentStates.AllAsync(s => s.Granted));
        Assert.Empty(page.FindAll("#essential-only"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's dialogs hold services that can only be disposed asynchronously.
    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
