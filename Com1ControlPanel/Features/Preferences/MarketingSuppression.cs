using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Preferences;

/// <summary>
/// Marketing email goes only to active customers whose switch for the message's topic by email is on when it is
/// delivered. Anything that cannot be matched to such a switch (no recipient, unknown topic) is suppressed.
/// </summary>
internal sealed class MarketingSuppression(IDbContextFactory<AppDbContext> dbFactory) : IMarketingSuppression
{
    public async Task<IReadOnlySet<Guid>> SuppressedAsync(IReadOnlyList<OutboxMessage> marketing, CancellationToken cancellationToken)
    {
        var suppressed = new HashSet<Guid>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var topic in marketing.GroupBy(m => m.Topic))
        {
            if (ConsentKey.Parse(topic.Key, nameof(ContactChannel.Email)) is not { } key)
            {
                suppressed.UnionWith(topic.Select(m => m.Id));
                continue;
            }
            var recipients = topic.Select(m => m.RecipientUserId).OfType<string>().Distinct().ToList();
            // One query per topic in the batch: who among these recipients allows it right now.
            var allowed = (await db.ConsentStates
                .Where(s => recipients.Contains(s.CustomerId) && s.Purpose == key.Purpose && s.Channel == key.Channel && s.Granted)
                .Where(s => db.Customers.Any(c => c.Id == s.CustomerId && c.Status == AccountStatus.Active))
                .Select(s => s.CustomerId)
                .ToListAsync(cancellationToken)).ToHashSet();
            suppressed.UnionWith(topic.Where(m => m.RecipientUserId is null || !allowed.Contains(m.RecipientUserId)).Select(m => m.Id));
        }
        return suppressed;
    }
}
