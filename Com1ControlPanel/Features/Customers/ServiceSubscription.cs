namespace Com1ControlPanel.Features.Customers;

/// <summary>One service from the Com 1 catalogue that a customer subscribes to.</summary>
public sealed class ServiceSubscription
{
    public int Id { get; init; }
    public required string CustomerId { get; init; }
    public Service Service { get; init; }
    /// <summary>The plan or package as sold, e.g. "Business 50 GB".</summary>
    public string? Plan { get; init; }
    public DateOnly StartedOn { get; init; }
}
