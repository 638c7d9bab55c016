namespace Com1ControlPanel.Features.Support;

/// <summary>
/// Tells open pages at once that a support session ended (by the customer, an administrator or itself), so the agent's
/// page hands the browser back without waiting for its next click. One app instance: pages on other instances notice
/// at their next check.
/// </summary>
public sealed class SupportSessionEvents
{
    public event Action<Guid, SessionEnding>? Ended;

    public void RaiseEnded(Guid sessionId, SessionEnding ending) => Ended?.Invoke(sessionId, ending);
}
