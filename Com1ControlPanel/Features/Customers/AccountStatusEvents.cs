namespace Com1ControlPanel.Features.Customers;

/// <summary>
/// Tells open pages of a customer that their account status changed, so the banner comes and goes without a reload.
/// Raised after the change is saved. Pages in another server instance see it at their next navigation instead.
/// </summary>
public sealed class AccountStatusEvents
{
    public event Action<string>? Changed;

    public void Announce(string customerId) => Changed?.Invoke(customerId);
}
