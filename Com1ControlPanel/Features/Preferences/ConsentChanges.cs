using System.Collections.Concurrent;

namespace Com1ControlPanel.Features.Preferences;

/// <summary>Lets every open preferences page of a customer refresh when any of them (or anything else) changes a switch.</summary>
public sealed class ConsentChanges
{
    private readonly ConcurrentDictionary<Guid, (string CustomerId, Func<Task> OnChange)> watchers = new();

    public IDisposable Watch(string customerId, Func<Task> onChange)
    {
        var id = Guid.NewGuid();
        watchers[id] = (customerId, onChange);
        return new Subscription(() => watchers.TryRemove(id, out _));
    }

    public void Notify(string customerId)
    {
        foreach (var (_, watcher) in watchers.Where(w => w.Value.CustomerId == customerId))
        {
            // Fire and forget: a slow or closed page must not hold up the change that was just saved.
            _ = watcher.OnChange();
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
