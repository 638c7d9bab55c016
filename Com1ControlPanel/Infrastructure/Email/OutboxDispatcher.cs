using Com1ControlPanel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Com1ControlPanel.Infrastructure.Email;

/// <summary>Delivers due outbox messages in the background, retrying with back-off.</summary>
internal sealed class OutboxDispatcher(
    IDbContextFactory<AppDbContext> dbFactory,
    IMailDelivery delivery,
    IMarketingSuppression suppression,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<MailOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DeliverDueAsync(stoppingToken) == BatchSize)
                {
                    // A full batch means more may be waiting.
                }
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The outbox dispatcher failed; retrying shortly");
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
            }
        }
    }

    /// <summary>Delivers one batch of due messages and returns how many it handled.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        // Marketing is checked against the recipients' choices now, at delivery, not when it was queued.
        var marketing = due.Where(m => m.Category == MessageCategory.Marketing).ToList();
        IReadOnlySet<Guid> suppressed = marketing.Count == 0 ? new HashSet<Guid>() : await suppression.SuppressedAsync(marketing, cancellationToken);
        foreach (var message in due)
        {
            if (suppressed.Contains(message.Id))
            {
                Suppress(message);
            }
            else
            {
                await DeliverAsync(message, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return due.Count;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        message.Attempts++;
        try
        {
            await delivery.DeliverAsync(Compose(message, now), cancellationToken);
            message.Status = OutboxStatus.Sent;
            message.SentAt = now.UtcDateTime;
            message.LastError = null;
            if (message.ContainsSecret)
            {
                // The one-time link lives on only in the recipient's mailbox.
                message.HtmlBody = null;
                message.TextBody = null;
            }
            logger.LogInformation("Delivered outbox message {MessageId} ({Category})", message.Id, message.Category);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var gaveUp = message.Attempts >= options.Value.MaxAttempts;
            message.Status = gaveUp ? OutboxStatus.Failed : OutboxStatus.Pending;
            message.NextAttemptAt = now.UtcDateTime + Backoff(message.Attempts);
            message.LastError = ex.GetType().Name;
            logger.LogWarning("Delivery of outbox message {MessageId} failed on attempt {Attempt} with {Error}{GaveUp}",
                message.Id, message.Attempts, ex.GetType().Name, gaveUp ? "; giving up" : "");
        }
    }

    private void Suppress(OutboxMessage message)
    {
        message.Status = OutboxStatus.Suppressed;
        message.HtmlBody = null;
        message.TextBody = null;
        logger.LogInformation("Suppressed marketing message {MessageId}: its recipient does not allow topic {Topic}",
            message.Id, message.Topic);
    }

    private static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, attempts - 1)));

    private MimeMessage Compose(OutboxMessage message, DateTimeOffset now)
    {
        var mail = new MimeMessage
        {
            Subject = message.Subject,
            Date = now,
            MessageId = $"{message.Id:N}@com1.test",
        };
        mail.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        mail.To.Add(MailboxAddress.Parse(message.ToAddress));
        mail.Body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody }.ToMessageBody();
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058 one-click: mail providers POST "List-Unsubscribe=One-Click" to this address.
            mail.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mail.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mail;
    }
}
