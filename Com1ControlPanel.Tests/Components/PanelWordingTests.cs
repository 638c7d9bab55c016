using Bunit;
using Com1ControlPanel.Components;
using MudBlazor;

namespace Com1ControlPanel.Tests.Components;

/// <summary>What MudBlazor says about a value it cannot read is said the way a person would say it, in every form.</summary>
public sealed class PanelWordingTests() : ComponentTest(services: services => services.AddPanelWording())
{
    [Fact]
    public void A_date_typed_that_is_no_date_is_told_in_a_sentence_that_says_what_to_type()
    {
        var page = RenderPage<MudDatePicker>(new Dictionary<string, object?>
        {
            [nameof(MudDatePicker.Label)] = "Date handed over",
            [nameof(MudDatePicker.Editable)] = true,
            [nameof(MudDatePicker.DateFormat)] = "yyyy-MM-dd",
        });

        page.Find("input").Change("2026-13-45");

        Assert.Contains("Enter the date as YYYY-MM-DD, for example 2026-11-30.", page.Markup);
        Assert.DoesNotContain("Not a valid", page.Markup);
    }

    [Fact]
    public void A_time_typed_that_is_no_time_is_told_in_a_sentence_that_says_what_to_type()
    {
        var page = RenderPage<MudTimePicker>(new Dictionary<string, object?>
        {
            [nameof(MudTimePicker.Label)] = "Time (optional)",
            [nameof(MudTimePicker.Editable)] = true,
        });

        page.Find("input").Change("half past two");

        Assert.Contains("Enter the time as HH:MM, for example 14:30.", page.Markup);
        Assert.DoesNotContain("Not a valid", page.Markup);
    }
}
