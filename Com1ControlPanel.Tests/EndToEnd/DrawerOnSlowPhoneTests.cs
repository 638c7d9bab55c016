using System.Reflection;
using Microsoft.Playwright;
using MudBlazor;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>
/// The drawer learns a phone's width a moment after the page is live, and closes itself then. On a slow connection that
/// moment comes late: a tap on the menu button as soon as the page says it is ready must still open the drawer and leave
/// it open, on a live page and on a security page whose bar is a live island of its own.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class DrawerOnSlowPhoneTests(DrawerOnSlowPhoneTests.SlowPhoneApp app, DebianChromium chromium)
    : IClassFixture<DrawerOnSlowPhoneTests.SlowPhoneApp>
{
    [Theory]
    [InlineData("/profile")]
    [InlineData("/Account/Manage/ChangePassword")]
    public async Task A_tap_on_the_menu_button_as_soon_as_the_page_is_ready_opens_the_drawer_and_it_stays_open(string path)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, width: 375);
        await page.SignInAsync((await app.Customers.NewAsync("Tia Tap")).Email);
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Open or close the navigation" });

        await button.ClickAsync();

        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        // Past the moment a late answer about the width would have closed the drawer again.
        await page.WaitForTimeoutAsync(SlowScreen.Delay * 2);
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.Locator("#main-menu").GetByRole(AriaRole.Link, new() { Name = "Account data" })).ToBeInViewportAsync();
    }

    /// <summary>The app with MudBlazor's watch on the screen's width answering <see cref="SlowScreen.Delay"/> ms late.</summary>
    public sealed class SlowPhoneApp() : PanelApp(new AppOptions { Served = true, Services = SlowScreen.Instead });
}

/// <summary>Slows every subscription to the screen's width, as a slow phone or connection does.</summary>
public class SlowScreen : DispatchProxy
{
    public const int Delay = 700;

    private IBrowserViewportService inner = default!;

    public static void Instead(IServiceCollection services)
    {
        var mud = services.Last(d => d.ServiceType == typeof(IBrowserViewportService));
        services.Remove(mud);
        services.AddScoped(provider =>
        {
            var slow = Create<IBrowserViewportService, SlowScreen>();
            ((SlowScreen)(object)slow).inner = (IBrowserViewportService)ActivatorUtilities.CreateInstance(provider, mud.ImplementationType!);
            return slow;
        });
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args) =>
        method!.Name == nameof(IBrowserViewportService.SubscribeAsync)
            ? LateAsync(() => (Task)method.Invoke(inner, args)!)
            : method.Invoke(inner, args);

    private static async Task LateAsync(Func<Task> subscribe)
    {
        await Task.Delay(Delay);
        await subscribe();
    }
}
