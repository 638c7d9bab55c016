using Com1ControlPanel.Components;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Tests.Components.Layout;

/// <summary>
/// The panel's limits for open tabs are the ones it documents, not the framework's defaults; and the theme's style sheets
/// come with the page, once each, rather than from inside every circuit.
/// </summary>
public sealed class CircuitLimitsTests(PanelApp app) : IClassFixture<PanelApp>
{
    [Fact]
    public void Circuits_run_within_the_panels_own_limits()
    {
        var options = app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.Equal(
            (TimeSpan.FromMinutes(2), 100, (TimeSpan?)TimeSpan.FromSeconds(30), 10, false),
            (options.DisconnectedCircuitRetentionPeriod, options.DisconnectedCircuitMaxRetained, options.JSInteropDefaultCallTimeout,
                options.MaxBufferedUnacknowledgedRenderBatches, options.DetailedErrors));
    }

    [Theory]
    [InlineData("/profile")]
    [InlineData("/Account/Manage")]
    public async Task Both_palettes_come_with_the_page_once_each(string path)
    {
        var customer = await app.Customers.NewAsync("Theo Theme");
        using var client = await app.Client().SignedInAsync(customer.Email);

        var html = await client.GetStringAsync(path);

        Assert.Equal(1, Occurrences(html, ":root[data-theme='light']{"));
        Assert.Equal(1, Occurrences(html, ":root[data-theme='dark']{"));
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
