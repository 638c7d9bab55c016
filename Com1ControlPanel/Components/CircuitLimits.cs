using Microsoft.AspNetCore.Components.Server;

namespace Com1ControlPanel.Components;

/// <summary>
/// How long and how much the server keeps for each open tab (a circuit), chosen rather than left at the defaults. Each
/// circuit holds its page's components in the server's memory (about 1.2 MB on /profile today: see the README's
/// performance section), so these limits bound what tabs that lost their connection can cost.
/// </summary>
public static class CircuitLimits
{
    /// <summary>
    /// A tab that lost its connection (a train tunnel, a laptop lid, a Wi-Fi switch) gets its page back as it was for two
    /// minutes; after that it reloads. Long enough for the everyday drop, short enough that a tab closed without a goodbye
    /// stops costing memory soon (the framework's default is three minutes).
    /// </summary>
    public static readonly TimeSpan DisconnectedRetention = TimeSpan.FromMinutes(2);

    /// <summary>
    /// At most 100 such tabs are kept, the oldest let go first: about 120 MB at today's size per circuit, whatever a
    /// network failure disconnects at once.
    /// </summary>
    public const int DisconnectedMaxRetained = 100;

    /// <summary>
    /// The panel's calls into the browser move focus, load a module or read a frame: they answer at once or the tab is
    /// gone. Thirty seconds (the default is a minute) frees a circuit waiting on a dead tab sooner. The one call that
    /// waits on a person, confirming a card with the bank's own check (3-D Secure), names its own longer limit.
    /// </summary>
    public static readonly TimeSpan BrowserCallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Render updates sent but not yet acknowledged by a slow browser: past ten the circuit waits rather than queueing
    /// more, so a stalled tab cannot grow the server's memory (the framework's default, kept on purpose).
    /// </summary>
    public const int MaxUnacknowledgedRenders = 10;

    public static IServerSideBlazorBuilder WithPanelCircuitLimits(this IServerSideBlazorBuilder builder, IHostEnvironment environment) =>
        builder.AddCircuitOptions(options =>
        {
            options.DisconnectedCircuitRetentionPeriod = DisconnectedRetention;
            options.DisconnectedCircuitMaxRetained = DisconnectedMaxRetained;
            options.JSInteropDefaultCallTimeout = BrowserCallTimeout;
            options.MaxBufferedUnacknowledgedRenderBatches = MaxUnacknowledgedRenders;
            // Exception details reach the browser only on a developer's machine.
            options.DetailedErrors = environment.IsDevelopment();
        });
}
