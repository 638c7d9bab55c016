using Com1ControlPanel.Infrastructure.Email;

namespace Com1ControlPanel.Tests.Infrastructure.Email;

/// <summary>
/// Several instances of the panel share one outbox. Each message is delivered by one of them, once: an instance claims a
/// message before it delivers it, and a claim whose instance died runs out, so another delivers it later.
/// </summary>
public sealed class OutboxInstancesTests
{
    private const string Subject = "Queued for two instances";

    [Fact]
    public async Task Two_instances_on_one_database_deliver_each_of_a_thousand_queued_messages_once()
    {
        using var first = new PanelApp();
        using var second = PanelApp.With(AppOptions.Default.With("ConnectionStrings:Default", first.ConnectionString));
        await using (var db = first.CreateDbContext())
        {
            var outbox = first.Services.GetRequiredService<Outbox>();
            for (var i = 0; i < 1000; i++)
            {
                outbox.Add(db, new OutboundEmail(null, $"queued-{i}@example.com", Subject,
                    EmailTemplate.Compose("Customer", ["Your backup finished."]), MessageCategory.Essential, "Your backup finished."));
            }
            await db.SaveChangesAsync();
        }

        // Both instances' job engines deliver too (their first minutely run): the test drives one more loop in each, so they
        // compete for every batch.
        await Task.WhenAll(new[] { first, second }.Select(app => app.Services.GetRequiredService<OutboxDispatcher>())
            .Select(dispatcher => Task.Run(async () =>
            {
                while (await dispatcher.DeliverDueAsync(CancellationToken.None) > 0)
                {
                }
            })));

        // When both loops find nothing due, an instance's own delivery run may still be finishing a message it claimed.
        Assert.Equal(1000, await SentOnceSettledAsync(first));
        // The mailbox leaves out a file written in the last 50 ms (it may be half written): wait for the last few, no longer.
        var delivered = await Eventually.ReadUntilAsync(
            () => Task.FromResult(first.Mailbox.Messages().Concat(second.Mailbox.Messages()).Where(m => m.Subject == Subject).ToList()),
            delivered => delivered.Count >= 1000, TimeSpan.FromSeconds(5));
        Assert.Equal(1000, delivered.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(1000, delivered.Count);
    }

    private static Task<int> SentOnceSettledAsync(PanelApp app) =>
        Eventually.ReadUntilAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.OutboxMessages.CountAsync(m => m.Subject == Subject && m.Status == OutboxStatus.Sent);
        }, sent => sent >= 1000, TimeSpan.FromSeconds(30));
}
