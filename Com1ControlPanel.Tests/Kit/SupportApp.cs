namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// The app where agents start support sessions after a password sign-in, as in Development (elsewhere they need a
/// second factor): for the support session tests, each of which makes an agent and a customer of its own.
/// </summary>
public sealed class SupportApp() : PanelApp(Options)
{
    public static AppOptions Options { get; } = AppOptions.Default.With("Support:RequireTwoFactor", "false");
}

/// <summary>The <see cref="SupportApp"/> on a clock the tests move: it only moves forward, so each test starts from wherever it stands.</summary>
public sealed class ClockedSupportApp() : PanelApp(SupportApp.Options with { FakeClock = true });
