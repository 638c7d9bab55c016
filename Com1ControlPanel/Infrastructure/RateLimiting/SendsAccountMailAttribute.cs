namespace Com1ControlPanel.Infrastructure.RateLimiting;

/// <summary>
/// Marks a page whose form post sends mail about the account at the address typed into <see cref="AddressField"/>
/// (registration, password reset, confirmation). Such posts are limited per submitted address, whether or not an account
/// has it, so the limit floods no one's mailbox and a refusal reveals nothing about who is a customer.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SendsAccountMailAttribute(string addressField = "Input.Email") : Attribute
{
    public string AddressField { get; } = addressField;
}
