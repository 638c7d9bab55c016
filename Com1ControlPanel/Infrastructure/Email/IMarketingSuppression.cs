namespace Com1ControlPanel.Infrastructure.Email;

/// <summary>
/// Decides, at the moment of delivery, which marketing messages must not go out because their recipient
/// no longer allows that topic by email. Essential messages are never asked about.
/// </summary>
public interface IMarketingSuppression
{
    /// <summary>The ids of the messages among <paramref name="marketing"/> that must be suppressed.</summary>
    Task<IReadOnlySet<Guid>> SuppressedAsync(IReadOnlyList<OutboxMessage> marketing, CancellationToken cancellationToken);
}
