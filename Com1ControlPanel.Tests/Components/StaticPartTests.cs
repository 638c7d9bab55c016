using Bunit;
using Bunit.Rendering;
using Com1ControlPanel.Components;
using Com1ControlPanel.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Com1ControlPanel.Tests.Components;

/// <summary>
/// A read-only part of a live page is kept as HTML, not as components the circuit holds for as long as the tab is open;
/// it still shows what the page would: the visitor's time zone, who is signed in, and text typed as markup as text.
/// </summary>
public sealed class StaticPartTests() : ComponentTest
{
    private static readonly DateTime At = new(2026, 11, 30, 23, 30, 0, DateTimeKind.Utc);

    private IRenderedComponent<ContainerFragment> RenderPart(RenderFragment content, ViewerTime? time = null) =>
        Render(builder =>
        {
            builder.OpenComponent<CascadingValue<ViewerTime>>(0);
            builder.AddComponentParameter(1, "Value", time ?? ViewerTime.Utc);
            builder.AddComponentParameter(2, "ChildContent", (RenderFragment)(inner =>
            {
                inner.OpenComponent<StaticPart>(0);
                inner.AddComponentParameter(1, nameof(StaticPart.ChildContent), content);
                inner.CloseComponent();
            }));
            builder.CloseComponent();
        });

    private static RenderFragment Text(string text) => builder =>
    {
        builder.OpenComponent<MudText>(0);
        builder.AddComponentParameter(1, nameof(MudText.Typo), Typo.body2);
        builder.AddComponentParameter(2, nameof(MudText.ChildContent), (RenderFragment)(b => b.AddContent(0, text)));
        builder.CloseComponent();
    };

    [Fact]
    public void On_a_live_page_the_part_is_html_and_its_components_are_gone()
    {
        var part = RenderPart(Text("Every change to your account data"));

        Assert.Equal("Every change to your account data", part.Find("p.mud-typography-body2").TextContent);
        Assert.Empty(part.FindComponents<MudText>());
    }

    [Fact]
    public void Times_inside_are_shown_in_the_visitors_zone()
    {
        var part = RenderPart(builder =>
        {
            builder.OpenComponent<When>(0);
            builder.AddComponentParameter(1, nameof(When.Value), At);
            builder.CloseComponent();
        }, ViewerTime.For("Europe/Berlin"));

        Assert.Equal("1 Dec 2026, 00:30 UTC+1", part.Find("time").TextContent);
    }

    [Fact]
    public void The_signed_in_user_is_known_inside()
    {
        SignIn(Principals.Customer("customer-1", "Ada Lovelace"));

        var part = RenderPart(builder =>
        {
            builder.OpenComponent<AuthorizeView>(0);
            builder.AddComponentParameter(1, nameof(AuthorizeView.Authorized),
                (RenderFragment<AuthenticationState>)(state => b => b.AddContent(0, $"Signed in as {state.User.Identity!.Name}")));
            builder.CloseComponent();
        });

        Assert.Contains("Signed in as", part.Markup);
        Assert.Contains("customer-1@example.com", part.Markup);
    }

    [Fact]
    public void Text_typed_as_markup_stays_text()
    {
        var part = RenderPart(Text("<img src=x onerror=alert(1)>"));

        Assert.Empty(part.FindAll("img"));
        Assert.Equal("<img src=x onerror=alert(1)>", part.Find("p").TextContent);
    }
}

/// <summary>Without a circuit (prerendering, server-rendered pages) the part renders as usual.</summary>
public sealed class StaticPartWithoutCircuitTests() : ComponentTest(interactive: false)
{
    [Fact]
    public void Without_a_circuit_the_part_renders_its_components()
    {
        var part = Render<StaticPart>(p => p.Add(c => c.ChildContent, (RenderFragment)(builder =>
        {
            builder.OpenComponent<MudText>(0);
            builder.AddComponentParameter(1, nameof(MudText.ChildContent), (RenderFragment)(b => b.AddContent(0, "Prerendered")));
            builder.CloseComponent();
        })));

        Assert.Single(part.FindComponents<MudText>());
        Assert.Equal("Prerendered", part.Find("p").TextContent);
    }
}
