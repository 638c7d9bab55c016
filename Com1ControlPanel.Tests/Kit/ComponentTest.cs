using System.Security.Claims;
using Bunit;
using Bunit.Rendering;
using Com1ControlPanel.Components;
using Com1ControlPanel.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// A bUnit test of the panel's components: MudBlazor, loose JS interop, and the app's own services over a database of
/// its own (<see cref="Kit"/>), with nobody signed in until the test says who. What every test of a class starts with goes
/// in <see cref="ArrangeAsync"/>.
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    /// <param name="now">Where the clock starts; now unless a test needs a date of its own.</param>
    /// <param name="interactive">Rendered as on a live page (a circuit), as the panel's pages are; false for a page without one.</param>
    /// <param name="services">Services the test adds or replaces, after the app's own.</param>
    /// <param name="provider">The database, <see cref="TestProvider.Current"/> unless a test names one.</param>
    protected ComponentTest(DateTimeOffset? now = null, bool interactive = true, Action<IServiceCollection>? services = null,
        DatabaseProvider? provider = null)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Kit = new PanelServices(Services, () => Services, now, services, provider);
        // bUnit puts placeholders in the way of the app's authorization (which AddAuthorization only adds when missing):
        // pages and AuthorizeView are judged by the app's own rules, as the signed-in principal stands.
        Services.Replace(ServiceDescriptor.Transient<IAuthorizationService, DefaultAuthorizationService>());
        Services.Replace(ServiceDescriptor.Transient<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>());
        // Last: the renderer fixes the services once it exists.
        SetRendererInfo(interactive ? new RendererInfo("Server", isInteractive: true) : new RendererInfo("Static", isInteractive: false));
        SignIn(Principals.Visitor);
    }

    protected PanelServices Kit { get; }

    /// <summary>Who the pages rendered from now on see as signed in.</summary>
    protected void SignIn(ClaimsPrincipal principal) =>
        ((IHostEnvironmentAuthenticationStateProvider)Services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));

    /// <summary>
    /// <typeparamref name="TPage"/> with what the layout gives every page: the popover and dialog hosts (dialogs render
    /// there, outside the page) and the viewer's time zone (UTC).
    /// </summary>
    protected IRenderedComponent<ContainerFragment> RenderPage<TPage>(IReadOnlyDictionary<string, object?>? parameters = null)
        where TPage : IComponent =>
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<CascadingValue<ViewerTime>>(2);
            builder.AddComponentParameter(3, "Value", ViewerTime.Utc);
            builder.AddComponentParameter(4, "ChildContent", (RenderFragment)(page =>
            {
                page.OpenComponent<TPage>(0);
                foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
                {
                    page.AddComponentParameter(1, name, value);
                }
                page.CloseComponent();
            }));
            builder.CloseComponent();
        });

    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.InitializeAsync() => ArrangeAsync();

    // MudBlazor's dialogs and pickers hold services that can only be disposed asynchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        Kit.Dispose();
    }
}
