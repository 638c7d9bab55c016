using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Features.Support.Access;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support;

/// <summary>
/// "Withdraw request": an agent takes back their own access request while the customer has not answered it. The request
/// then reads "Withdrawn by the agent" under the customer's past requests, can no longer be approved, and the customer's
/// bell says no answer is needed any more.
/// </summary>
public sealed class AccessRequestWithdrawal(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time, ILogger<AccessRequestWithdrawal> logger)
{
    /// <summary>Withdraws the request; false (nothing changed) when it is not the caller's or no longer waits for an answer.</summary>
    public async Task<bool> WithdrawAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        var agent = await currentUser.GetPrincipalAsync();
        // Inside a session the agent is signed in as the customer: their requests are withdrawn from the console only.
        if (agent.IsSupportSession() || !agent.IsInRole(Roles.SupportAgent) || agent.FindFirstValue(ClaimTypes.NameIdentifier) is not { } agentId)
        {
            return false;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The agent's own, still waiting at the moment of writing: an answer from the customer in between wins.
        var withdrawn = await db.SupportAccessRequests
            .Where(r => r.Id == requestId && r.AgentUserId == agentId && r.Status == AccessRequestStatus.Pending && r.AnswerBy > now)
            .ExecuteUpdateAsync(r => r
                .SetProperty(x => x.Status, AccessRequestStatus.Withdrawn)
                .SetProperty(x => x.AnsweredAt, now)
                .SetProperty(x => x.WithdrawnByUserId, agentId), cancellationToken);
        if (withdrawn == 0)
        {
            logger.LogInformation("Withdrawal of support access request {RequestId} by {AgentId} refused: not theirs or no longer pending",
                requestId, agentId);
            return false;
        }
        var request = await db.SupportAccessRequests.AsNoTracking().SingleAsync(r => r.Id == requestId, cancellationToken);
        // The bell still holds "Approve or deny it": this one says that question is closed.
        NotificationService.Add(db, request.CustomerId, "Com 1 support withdrew its access request",
            $"{request.AgentName} from Com 1 support withdrew the request for {AccessWords.SessionOf(request.RequestedMinutes)} "
            + $"(ticket {request.Ticket}). It needs no answer any more and gives nobody access to your account.",
            "access", now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Support access request {RequestId} withdrawn by {AgentId}", requestId, agentId);
        return true;
    }
}
