using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Hosting;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Billing;

/// <summary>
/// Tells customers, once per card, that their card on file expires within 30 days: an Essential email and a panel
/// notification, saved with the card's "reminded" mark in one unit of work, so a run that fails sends nothing twice.
/// </summary>
public sealed class CardExpiryReminders(
    IDbContextFactory<AppDbContext> dbFactory, Outbox outbox, PanelLinks links, TimeProvider time, ILogger<CardExpiryReminders> logger)
{
    private const int BatchSize = 500;

    /// <summary>
    /// The job: daily, and when an instance starts. Runs take turns across instances, so a card is reminded of once; one
    /// that fails waits for the next day's run, which finds the same cards due.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
    [JobDisplayName("Remind customers of payment cards about to expire")]
    public Task RunAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    /// <summary>Sends every reminder that is due; returns how many customers were reminded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var reminded = 0;
        int sent;
        do
        {
            sent = await RemindBatchAsync(cancellationToken);
            reminded += sent;
        }
        while (sent == BatchSize);
        return reminded;
    }

    private async Task<int> RemindBatchAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // A card is due from 30 days before the first day of the month after its expiry month.
        var dueBy = now + CardExpiry.ReminderLead;
        var (year, month) = (dueBy.Year, dueBy.Month);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await (from card in db.PaymentCards
                         join customer in db.Customers on card.CustomerId equals customer.Id
                         join user in db.Users on card.CustomerId equals user.Id
                         where card.ExpiryReminderSentAt == null
                               && (card.ExpiryYear < year || (card.ExpiryYear == year && card.ExpiryMonth < month))
                         orderby card.Id
                         select new { card, customer.FullName, user.Email })
            .Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var item in due)
        {
            var card = item.card;
            outbox.Add(db, CardMail.ExpiresSoon(new CardMail.Recipient(card.CustomerId, item.Email!, item.FullName), card, links.To("billing")));
            var expired = card.Expiry.StateAt(now) == CardState.Expired;
            NotificationService.Add(db, card.CustomerId, expired ? "Your payment card has expired" : "Your payment card expires soon",
                expired
                    ? $"{card.Brand} ending {card.Last4} stopped working at the end of {card.Expiry}. Add your new card under Payment card."
                    : $"{card.Brand} ending {card.Last4} works until the end of {card.Expiry}. Add your new card under Payment card.",
                "billing", now);
            card.ExpiryReminderSentAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (due.Count > 0)
        {
            outbox.NotifySaved();
            logger.LogInformation("Reminded {Count} customers that their payment card expires soon", due.Count);
        }
        return due.Count;
    }
}
