using Com1ControlPanel.Data;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>How a <see cref="PanelApp"/> differs from the app as it runs everywhere else in the tests.</summary>
public sealed record AppOptions
{
    public static AppOptions Default { get; } = new();

    /// <summary>A clock the test moves (<see cref="PanelApp.Clock"/>, starting now) instead of the machine's.</summary>
    public bool FakeClock { get; init; }

    /// <summary>The host environment: "Testing" unless a test needs Production's (or Development's) behaviour.</summary>
    public string Environment { get; init; } = "Testing";

    /// <summary>Configuration over the test defaults, as environment variables would set it.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Services a test adds or replaces, after the app's own.</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>Served by Kestrel on 127.0.0.1, so a real browser can reach it, instead of in memory only.</summary>
    public bool Served { get; init; }

    /// <summary>The database the app runs on: <see cref="TestProvider.Current"/> unless a test names one.</summary>
    public DatabaseProvider? Provider { get; init; }

    /// <summary>These options with one more setting.</summary>
    public AppOptions With(string key, string value) =>
        this with { Settings = new Dictionary<string, string>(Settings) { [key] = value } };

    /// <summary>These options with more test services, added after the ones already given.</summary>
    public AppOptions WithServices(Action<IServiceCollection> more) =>
        this with { Services = Services is { } earlier ? s => { earlier(s); more(s); } : more };
}
