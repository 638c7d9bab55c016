using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Features.Support.Access;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support;

/// <summary>Asking a customer who requires it for access, and where their answers stand.</summary>
public sealed partial class SupportSessions
{
    /// <summary>Asks a customer who requires it for access; the customer answers on their "Who accessed my account" page.</summary>
    public async Task<SupportStartResult> RequestAccessAsync(SupportStartForm form, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (caller, refused) = await CheckAsync(db, form, cancellationToken);
        if (caller is null)
        {
            return refused!;
        }
        var (agent, agentId, target, now) = caller;
        if (!target.RequiresApproval)
        {
            return new SupportStartResult.Invalid(new() { [nameof(form.CustomerId)] = ["This customer does not require approval: start the session."] });
        }
        if (await PendingRequestAsync(db, agentId, target.UserId, now, cancellationToken) is { } pending)
        {
            return new SupportStartResult.AwaitingApproval(pending);
        }

        var request = new SupportAccessRequest
        {
            AgentUserId = agentId,
            AgentName = agent.GetDisplayName(),
            CustomerId = target.UserId,
            Reason = form.Reason!.Value,
            Ticket = form.Ticket.Trim(),
            Note = form.Note.Trim(),
            RequestedMinutes = form.Minutes,
            RequestedAt = now,
            AnswerBy = now + options.Value.ApprovalAnswerTime,
            Status = AccessRequestStatus.Pending,
        };
        db.SupportAccessRequests.Add(request);
        NotificationService.Add(db, target.UserId, "Com 1 support asks to access your account",
            $"{request.AgentName} from Com 1 support asks for {AccessWords.SessionOf(request.RequestedMinutes)} in your account. "
            + $"Reason: {request.Reason.ForCustomer()} (ticket {request.Ticket}). Approve or deny it under Who accessed my account.",
            "access", now);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Support access request {RequestId} by {AgentId} for {CustomerId}", request.Id, agentId, target.UserId);
        return new SupportStartResult.AwaitingApproval(request);
    }

    private static Task<SupportAccessRequest?> UsableApprovalAsync(
        AppDbContext db, string agentId, string customerId, DateTime now, CancellationToken cancellationToken) =>
        db.SupportAccessRequests.AsNoTracking()
            .Where(r => r.AgentUserId == agentId && r.CustomerId == customerId && r.Status == AccessRequestStatus.Approved
                        && r.WindowEndsAt > now && !db.SupportSessions.Any(s => s.AccessRequestId == r.Id))
            .OrderByDescending(r => r.AnsweredAt).FirstOrDefaultAsync(cancellationToken);

    private static Task<SupportAccessRequest?> PendingRequestAsync(
        AppDbContext db, string agentId, string customerId, DateTime now, CancellationToken cancellationToken) =>
        db.SupportAccessRequests.AsNoTracking()
            .Where(r => r.AgentUserId == agentId && r.CustomerId == customerId && r.Status == AccessRequestStatus.Pending
                        && r.AnswerBy > now)
            .OrderByDescending(r => r.RequestedAt).FirstOrDefaultAsync(cancellationToken);
}
