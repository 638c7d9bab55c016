using Com1ControlPanel.Data;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// A test of the app's services over a database of its own (<see cref="Kit"/>), new for every test. What every test of a
/// class starts with goes in <see cref="ArrangeAsync"/>.
/// </summary>
public abstract class ServiceTest(DateTimeOffset? now = null, IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null, DatabaseProvider? provider = null) : IAsyncLifetime
{
    protected PanelServices Kit { get; } = new(now, settings, services, provider);

    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.InitializeAsync() => ArrangeAsync();

    Task IAsyncLifetime.DisposeAsync()
    {
        Kit.Dispose();
        return Task.CompletedTask;
    }
}
