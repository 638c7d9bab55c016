using Com1ControlPanel.Data;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Com1ControlPanel.Infrastructure.Email;

/// <summary>
/// Delivers due outbox messages, retrying with back-off, as jobs of the job engine: a run is queued as soon as a message
/// is saved (<see cref="OutboxSignal"/>), and a run every minute sends what came due since (retries, and messages whose
/// instance died while it held them). Runs on several instances may overlap: each claims a message before it delivers it
/// (see <see cref="ClaimAsync"/>), so a message goes out once.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<AppDbContext> dbFactory,
    IMailDelivery delivery,
    IMarketingSuppression suppression,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<MailOptions> options,
    IOptions<DataProtectionTokenProviderOptions> tokens,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>The id of the minutely run on the engine's schedule.</summary>
    public const string RecurringJobId = "outbox-delivery";

    internal const int BatchSize = 50;
    private const string ExpiredError = "LinkExpired";

    /// <summary>
    /// How long a claim keeps other instances off a message: far longer than one delivery takes (the mail server's own
    /// timeout is two minutes). When the claiming instance dies mid-delivery, the message is due again after it, and
    /// another instance delivers it: at least once, with the same Message-ID, so a mail server can tell a repeat.
    /// </summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    /// <summary>How long the one-time links in account emails work: the sign-in system's token lifespan.</summary>
    private TimeSpan LinkLifetime => tokens.Value.TokenLifespan;

    /// <summary>
    /// The minutely run: removes one-time links that ran out, then delivers what is due. A failed run is not retried by
    /// the engine: the next minute's run is the retry.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Deliver due emails and remove expired one-time links")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await ExpireOneTimeLinksAsync(cancellationToken);
        await DeliverNowAsync(cancellationToken);
    }

    /// <summary>
    /// The run queued when messages were saved: delivers batches until none is due. While batches come back full it asks
    /// for one more run, so a free worker (on this instance or another) shares a long queue.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Deliver newly saved emails")]
    public async Task DeliverNowAsync(CancellationToken cancellationToken)
    {
        // From here on, a message saved on this instance queues a run of its own: this one may have looked already.
        signal.Started();
        while (await DeliverDueAsync(cancellationToken) == BatchSize)
        {
            signal.Notify();
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
            if (!await ClaimAsync(db, message, now, cancellationToken))
            {
                // Another instance took it between the query and now: it is theirs to deliver.
                db.Entry(message).State = EntityState.Detached;
                continue;
            }
            if (suppressed.Contains(message.Id))
            {
                Suppress(message);
            }
            else if (message.ContainsSecret && message.CreatedAt + LinkLifetime <= now)
            {
                // Delivering it now would only hand the recipient a link that no longer works.
                Expire(message);
            }
            else
            {
                await DeliverAsync(message, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return due.Count;
    }

    /// <summary>
    /// Takes <paramref name="message"/> for this instance with one conditional update: it moves the message's next attempt
    /// past <see cref="ClaimLease"/>, and only while it is still pending and due. Of instances racing for it, one update
    /// changes a row; the others find it no longer due.
    /// </summary>
    private static async Task<bool> ClaimAsync(AppDbContext db, OutboxMessage message, DateTime now, CancellationToken cancellationToken)
    {
        var leaseEnds = now + ClaimLease;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == message.Id && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, leaseEnds), cancellationToken);
        return claimed == 1;
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
            if (gaveUp && message.ContainsSecret)
            {
                // Nobody will deliver it now: a stored one-time link could only leak.
                message.HtmlBody = null;
                message.TextBody = null;
            }
            logger.LogWarning("Delivery of outbox message {MessageId} failed on attempt {Attempt} with {Error}{GaveUp}",
                message.Id, message.Attempts, ex.GetType().Name, gaveUp ? "; giving up" : "");
        }
    }

    /// <summary>
    /// Removes one-time links whose lifetime is over from messages still waiting (marked <see cref="OutboxStatus.Expired"/>,
    /// so they are never delivered with a dead link) and from messages given up on. Part of the minutely run.
    /// </summary>
    public async Task ExpireOneTimeLinksAsync(CancellationToken cancellationToken)
    {
        var expiredBefore = time.GetUtcNow().UtcDateTime - LinkLifetime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var expired = await db.OutboxMessages
            .Where(m => m.ContainsSecret && m.Status == OutboxStatus.Pending && m.CreatedAt <= expiredBefore)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Expired)
                .SetProperty(m => m.LastError, ExpiredError)
                .SetProperty(m => m.HtmlBody, (string?)null)
                .SetProperty(m => m.TextBody, (string?)null), cancellationToken);
        var givenUp = await db.OutboxMessages
            .Where(m => m.ContainsSecret && m.Status == OutboxStatus.Failed && (m.HtmlBody != null || m.TextBody != null))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.HtmlBody, (string?)null)
                .SetProperty(m => m.TextBody, (string?)null), cancellationToken);
        if (expired + givenUp > 0)
        {
            logger.LogInformation("Removed the one-time links of {Expired} expired and {GivenUp} undeliverable outbox messages",
                expired, givenUp);
        }
    }

    private void Expire(OutboxMessage message)
    {
        message.Status = OutboxStatus.Expired;
        message.LastError = ExpiredError;
        message.HtmlBody = null;
        message.TextBody = null;
        logger.LogWarning("Outbox message {MessageId} was not delivered: its one-time link expired while it waited", message.Id);
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
