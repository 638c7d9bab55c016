namespace Com1ControlPanel.Features.Customers;

/// <summary>
/// Why Com 1 staff changed a customer's data, and their reference (a ticket, a letter's date): kept with every history
/// row of the change and shown to the customer next to it.
/// </summary>
public sealed record ChangeReason(string Text, string? Reference = null)
{
    public const int MaxText = 500;
    public const int MaxReference = 50;
}
