using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;

namespace Com1ControlPanel.Components;

/// <summary>
/// A read-only part of a live page, rendered to HTML whenever its page renders it and kept as that HTML only.
/// </summary>
/// <remarks>
/// A live page's circuit keeps every component it rendered alive for as long as the tab stays open, each with its
/// render-tree builders and frames: a table of changes or the menu is dozens of MudBlazor components standing for a few
/// kilobytes of HTML. Rendered here, they are thrown away as soon as their HTML is known. The price: nothing inside reacts
/// to the visitor. Links still work (the router follows them), but buttons, fields, tooltips and menus need live
/// components and stay outside. Without a circuit (prerendering, server-rendered pages) the content renders as usual, as
/// that renderer is thrown away after the response anyway.
/// </remarks>
public sealed class StaticPart : ComponentBase
{
    private string? html;

    [Parameter, EditorRequired]
    public RenderFragment ChildContent { get; set; } = default!;

    [CascadingParameter]
    private Visitor? Visitor { get; set; }

    [CascadingParameter]
    private ViewerTime? Time { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private ILoggerFactory LoggerFactory { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            html = await RenderHtmlAsync();
        }
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (html is null)
        {
            builder.AddContent(0, ChildContent);
        }
        else
        {
            builder.AddMarkupContent(1, html);
        }
    }

    private async Task<string> RenderHtmlAsync()
    {
        // The circuit's own services: the content sees the same signed-in user, address and data as the page.
        await using var renderer = new HtmlRenderer(Services, LoggerFactory);
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(Host.Content)] = ChildContent,
            [nameof(Host.Visitor)] = Visitor,
            [nameof(Host.Time)] = Time,
        });
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<Host>(parameters)).ToHtmlString());
    }

    /// <summary>The content with the values the panel cascades to every page (<see cref="Routes"/>), which a renderer of its own lacks.</summary>
    private sealed class Host : ComponentBase
    {
        [Parameter]
        public RenderFragment? Content { get; set; }

        [Parameter]
        public Visitor? Visitor { get; set; }

        [Parameter]
        public ViewerTime? Time { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<CascadingValue<Visitor>>(0);
            builder.AddComponentParameter(1, "Value", Visitor ?? Visitor.Default);
            builder.AddComponentParameter(2, "IsFixed", true);
            builder.AddComponentParameter(3, "ChildContent", (RenderFragment)(inner =>
            {
                inner.OpenComponent<CascadingValue<ViewerTime>>(0);
                inner.AddComponentParameter(1, "Value", Time ?? ViewerTime.Utc);
                inner.AddComponentParameter(2, "IsFixed", true);
                inner.AddComponentParameter(3, "ChildContent", Content);
                inner.CloseComponent();
            }));
            builder.CloseComponent();
        }
    }
}
