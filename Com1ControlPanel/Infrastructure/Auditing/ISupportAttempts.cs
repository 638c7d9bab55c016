namespace Com1ControlPanel.Infrastructure.Auditing;

/// <summary>
/// Keeps every attempt of Com 1 support, acting in a customer's account, to do what stays with the customer (their email
/// address, their answers to support). The Support feature keeps these with its other refused attempts, for review.
/// </summary>
public interface ISupportAttempts
{
    Task RecordCustomerOnlyAsync(string agentUserId, string customerId, CancellationToken cancellationToken = default);
}
