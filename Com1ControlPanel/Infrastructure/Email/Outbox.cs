using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Jobs;
using Hangfire;
using Hangfire.Common;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Infrastructure.Email;

/// <summary>Puts messages into the persisted outbox; <see cref="OutboxDispatcher"/> delivers them.</summary>
public sealed class Outbox(IDbContextFactory<AppDbContext> dbFactory, OutboxSignal signal, TimeProvider time)
{
    /// <summary>Adds the message to a caller's unit of work, so it is sent only if the caller's change is saved.</summary>
    public void Add(AppDbContext db, OutboundEmail email) => db.OutboxMessages.Add(Message(email));

    /// <summary>The outbox row for <paramref name="email"/>, due now, for a caller that writes many rows at once.</summary>
    public OutboxMessage Message(OutboundEmail email)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new OutboxMessage
        {
            Id = email.MessageId,
            Topic = email.Topic,
            UnsubscribeUrl = email.UnsubscribeUrl,
            RecipientUserId = email.RecipientUserId,
            ToAddress = email.ToAddress,
            Subject = email.Subject,
            Category = email.Category,
            HtmlBody = email.Content.Html,
            TextBody = email.Content.Text,
            PanelText = email.PanelText,
            ContainsSecret = email.ContainsSecret,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    /// <summary>
    /// Removes the stored copies of a closed account's emails that are done with (delivered, suppressed, given up on or
    /// expired), in the caller's transaction; one still waiting to go out stays until it is done. Returns how many.
    /// </summary>
    public Task<int> RemoveDoneAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default) =>
        db.OutboxMessages.Where(m => m.RecipientUserId == userId && m.Status != OutboxStatus.Pending)
            .ExecuteDeleteAsync(cancellationToken);

    /// <summary>Starts delivery after the caller saved messages added with <see cref="Add"/>.</summary>
    public void NotifySaved() => signal.Notify();

    public async Task EnqueueAsync(OutboundEmail email, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Add(db, email);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
    }
}

/// <summary>
/// Queues a run of <see cref="OutboxDispatcher.DeliverNowAsync"/> when messages were saved, so they go out at once rather
/// than at the minutely run; one run serves every message saved before it starts (see <see cref="QueuedRun"/>).
/// </summary>
public sealed class OutboxSignal(IBackgroundJobClient? jobs = null, TimeProvider? time = null)
    : QueuedRun(jobs, time, Job.FromExpression<OutboxDispatcher>(d => d.DeliverNowAsync(CancellationToken.None)));
