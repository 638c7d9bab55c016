using Com1ControlPanel.Data;
using Microsoft.Extensions.Time.Testing;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// The app's services (<see cref="AppServices"/>) over a migrated database of their own and a fake clock, without a web
/// host or its background jobs: for tests of services, rules and components. Nobody is signed in until a test says who
/// (<see cref="PanelExtensions.As"/>).
/// </summary>
public sealed class PanelServices : IPanel, IDisposable
{
    private readonly string root = TempFolder.New();
    private readonly ServiceProvider? own;
    private readonly Func<IServiceProvider> provider;

    /// <summary>The app's services in a container of their own.</summary>
    /// <param name="now">Where the clock starts; now, on a whole second (<see cref="TestClock"/>), unless a test needs a date of its own.</param>
    /// <param name="settings">Configuration, as environment variables would set it.</param>
    /// <param name="services">Services the test adds or replaces, after the app's own.</param>
    /// <param name="databaseProvider">The database, <see cref="TestProvider.Current"/> unless a test names one.</param>
    public PanelServices(DateTimeOffset? now = null, IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null, DatabaseProvider? databaseProvider = null)
    {
        Database = new TestDatabase(Path.Combine(root, "com1.db"), databaseProvider);
        Clock = new FakeTimeProvider(now ?? TestClock.Start());
        var collection = new ServiceCollection().AddAppServices(Database, Clock, root, settings ?? new Dictionary<string, string>());
        services?.Invoke(collection);
        own = collection.BuildServiceProvider();
        provider = () => own;
    }

    /// <summary>The app's services added to a container someone else builds: a component test's.</summary>
    public PanelServices(IServiceCollection into, Func<IServiceProvider> builtBy, DateTimeOffset? now = null,
        Action<IServiceCollection>? services = null, DatabaseProvider? databaseProvider = null)
    {
        Database = new TestDatabase(Path.Combine(root, "com1.db"), databaseProvider);
        Clock = new FakeTimeProvider(now ?? TestClock.Start());
        into.AddAppServices(Database, Clock, root, new Dictionary<string, string>());
        services?.Invoke(into);
        provider = builtBy;
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>The clock's time, as the app stores it.</summary>
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public IServiceProvider Services => provider();

    public void Dispose()
    {
        own?.Dispose();
        Database.Dispose();
        TempFolder.Delete(root);
    }
}
