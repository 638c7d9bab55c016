using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Com1ControlPanel.Infrastructure.Auditing;
using MudBlazor;

namespace Com1ControlPanel.Components.Layout;

/// <summary>
/// Catches an unexpected error in a page, logs it with a reference, and shows a friendly message with that
/// reference instead of the page, so the customer can quote it to support.
/// </summary>
public sealed class PanelErrorBoundary : ErrorBoundary
{
    [Inject] private ILogger<PanelErrorBoundary> Logger { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private string reference = "";

    protected override Task OnErrorAsync(Exception exception)
    {
        if (exception is SupportSessionEndedException)
        {
            // Not a fault: the session ran out or was ended. Nothing to log; the page explains and offers the way back.
            return Task.CompletedTask;
        }
        reference = Guid.NewGuid().ToString("N")[..12];
        using (Serilog.Context.LogContext.PushProperty("CorrelationId", reference))
        {
            Logger.LogError(exception, "Unexpected error in a page, reference {Reference}", reference);
        }
        return Task.CompletedTask;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (CurrentException is null)
        {
            builder.AddContent(0, ChildContent);
            return;
        }
        if (CurrentException is SupportSessionEndedException)
        {
            BuildSessionEnded(builder);
            return;
        }
        builder.OpenComponent<MudAlert>(1);
        builder.AddComponentParameter(2, nameof(MudAlert.Severity), Severity.Error);
        builder.AddComponentParameter(3, nameof(MudAlert.ChildContent), (RenderFragment)(alert =>
        {
            alert.AddContent(0, $"Something went wrong on our side and this page could not be shown. "
                + $"Please reload the page; if it happens again, quote reference {reference} to Com 1 support.");
        }));
        builder.CloseComponent();
        builder.OpenComponent<MudButton>(4);
        builder.AddComponentParameter(5, nameof(MudButton.Class), "mt-4");
        builder.AddComponentParameter(6, nameof(MudButton.Variant), Variant.Filled);
        builder.AddComponentParameter(7, nameof(MudButton.Color), Color.Primary);
        builder.AddComponentParameter(8, nameof(MudButton.OnClick),
            EventCallback.Factory.Create<MouseEventArgs>(this, () => Navigation.Refresh(forceReload: true)));
        builder.AddComponentParameter(9, nameof(MudButton.ChildContent), (RenderFragment)(b => b.AddContent(0, "Reload the page")));
        builder.CloseComponent();
    }

    private void BuildSessionEnded(RenderTreeBuilder builder)
    {
        builder.OpenComponent<MudAlert>(20);
        builder.AddComponentParameter(21, nameof(MudAlert.Severity), Severity.Warning);
        builder.AddComponentParameter(22, nameof(MudAlert.ChildContent), (RenderFragment)(alert =>
            alert.AddContent(0, "The support session has ended, so nothing more can be done in this account. Nothing was changed.")));
        builder.CloseComponent();
        builder.OpenComponent<MudButton>(23);
        builder.AddComponentParameter(24, nameof(MudButton.Class), "mt-4");
        builder.AddComponentParameter(25, nameof(MudButton.Variant), Variant.Filled);
        builder.AddComponentParameter(26, nameof(MudButton.Color), Color.Primary);
        // A full page load: the server then gives the browser back to the agent.
        builder.AddComponentParameter(27, nameof(MudButton.OnClick),
            EventCallback.Factory.Create<MouseEventArgs>(this, () => Navigation.NavigateTo("/support", forceLoad: true)));
        builder.AddComponentParameter(28, nameof(MudButton.ChildContent), (RenderFragment)(b => b.AddContent(0, "Back to the support console")));
        builder.CloseComponent();
    }
}
