using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support.Access;

/// <summary>
/// The customer's say over support access: answering an agent's request, and "Support must ask me before accessing my
/// account". Only the customer can do either; Com 1 support acting inside the account never can, so support can never
/// approve its own access or switch the approval off.
/// </summary>
public sealed class AccessApprovalService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    SupportSessionEnding ending,
    CustomerChanges customerChanges,
    TimeProvider time,
    ILogger<AccessApprovalService> logger)
{
    public const string OnlyTheAccountHolder = "Only the account holder can do this. Com 1 support cannot answer access requests or change this setting.";

    /// <summary>Approves a pending request for <paramref name="minutes"/> (1 up to the minutes asked), from now.</summary>
    public Task<AccessChangeResult> ApproveAsync(Guid requestId, int minutes, CancellationToken cancellationToken = default) =>
        AnswerAsync(requestId, approvedMinutes: minutes, cancellationToken);

    public Task<AccessChangeResult> DenyAsync(Guid requestId, CancellationToken cancellationToken = default) =>
        AnswerAsync(requestId, approvedMinutes: null, cancellationToken);

    /// <summary>
    /// "End this session now": the customer stops a support session running in their account. The agent's page hands the
    /// browser back at once, and the session shows as ended by the customer.
    /// </summary>
    public async Task<AccessChangeResult> EndSessionAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        if (await RefuseSupportAsync(customerId, cancellationToken) is { } refused)
        {
            return refused;
        }
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // Scoped to the signed-in customer: another account's session id ends nothing.
            var running = await db.SupportSessions.AnyAsync(s => s.Id == sessionId && s.CustomerId == customerId, cancellationToken);
            if (!running)
            {
                return AccessChangeResult.Refused("This support session was not found in your account.");
            }
        }
        var session = await ending.EndAsync(sessionId, SessionEnding.EndedByCustomer, customerId, cancellationToken);
        if (session is not { Ending: SessionEnding.EndedByCustomer })
        {
            return AccessChangeResult.Refused("This support session had already ended.");
        }
        logger.LogInformation("Support session {SessionId} ended by customer {CustomerId}", sessionId, customerId);
        return AccessChangeResult.Done($"Ended: {session.AgentName} from Com 1 support is no longer in your account.");
    }

    /// <summary>Switches "Support must ask me before accessing my account" on or off, recorded in the account's history.</summary>
    public async Task<AccessChangeResult> SetRequireApprovalAsync(bool required, CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        if (await RefuseSupportAsync(customerId, cancellationToken) is { } refused)
        {
            return refused;
        }
        var actor = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The profile history is the account's change log: the switch is kept there with who moved it, like any field.
        var result = await customerChanges.ApplyAsync(db, customerId, actor,
            [new FieldValue(ProfileField.SupportApproval, required ? CustomerFields.On : CustomerFields.Off)], cancellationToken: cancellationToken);
        if (result is CustomerChangeResult.Conflict)
        {
            return AccessChangeResult.Refused("Your account data was changed at the same moment. Try again.");
        }
        if (result is CustomerChangeResult.Closed)
        {
            return AccessChangeResult.Refused("This account is closed.");
        }
        return AccessChangeResult.Done(required
            ? "Saved: Com 1 support must now ask you before accessing your account."
            : "Saved: Com 1 support may now access your account without asking first. You still see every access here.");
    }

    private async Task<AccessChangeResult> AnswerAsync(Guid requestId, int? approvedMinutes, CancellationToken cancellationToken)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        if (await RefuseSupportAsync(customerId, cancellationToken) is { } refused)
        {
            return refused;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.SupportAccessRequests.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == requestId && r.CustomerId == customerId, cancellationToken);
        var refusal = request switch
        {
            // Someone else's request reads exactly like one that does not exist.
            null => "There is no such access request for your account.",
            { Status: not AccessRequestStatus.Pending } => "This request has already been answered.",
            _ when request.AnswerBy <= now => "This request has expired: it was not answered within 24 hours. Support must ask again.",
            _ when approvedMinutes is { } m && (m < 1 || m > request.RequestedMinutes) =>
                $"Choose between 1 and {request.RequestedMinutes} minutes: you can allow less time than support asked for, not more.",
            _ => null,
        };
        if (refusal is not null)
        {
            logger.LogWarning("Answer to support access request {RequestId} refused: {Refusal}", requestId, refusal);
            return AccessChangeResult.Refused(refusal);
        }

        var approved = approvedMinutes is not null;
        DateTime? windowEndsAt = approvedMinutes is { } minutes ? now.AddMinutes(minutes) : null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Still pending and not expired at the moment of writing: an answer from another tab in between wins, this one changes nothing.
        var answered = await db.SupportAccessRequests
            .Where(r => r.Id == requestId && r.CustomerId == customerId && r.Status == AccessRequestStatus.Pending && r.AnswerBy > now)
            .ExecuteUpdateAsync(r => r
                .SetProperty(x => x.Status, approved ? AccessRequestStatus.Approved : AccessRequestStatus.Denied)
                .SetProperty(x => x.AnsweredAt, now)
                .SetProperty(x => x.ApprovedMinutes, approvedMinutes)
                .SetProperty(x => x.WindowEndsAt, windowEndsAt), cancellationToken);
        if (answered == 0)
        {
            return AccessChangeResult.Refused("This request has already been answered.");
        }
        // The agent learns the answer by ticket, without the customer's details.
        NotificationService.Add(db, request!.AgentUserId,
            approved ? "Access request approved" : "Access request denied",
            approved
                ? $"Your request for ticket {request.Ticket} was approved for {AccessWords.Minutes(approvedMinutes!.Value)}. Start the session before the window closes."
                : $"Your request for ticket {request.Ticket} was denied.",
            "support", now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("Support access request {RequestId} {Answer} by customer {CustomerId}", requestId, approved ? "approved" : "denied", customerId);
        return AccessChangeResult.Done(approved
            ? $"Approved: {request.AgentName} may access your account within the next {AccessWords.Minutes(approvedMinutes!.Value)}."
            : $"Denied: {request.AgentName} cannot access your account for this request.");
    }

    /// <summary>
    /// Refuses (and records the attempt) when Com 1 support is acting inside the account: the answer must come from the
    /// customer, never from the agent who asked.
    /// </summary>
    private async Task<AccessChangeResult?> RefuseSupportAsync(string customerId, CancellationToken cancellationToken)
    {
        if (!await currentUser.IsSupportSessionAsync())
        {
            return null;
        }
        var principal = await currentUser.GetPrincipalAsync();
        var agentId = principal.FindFirstValue(SupportClaims.ActorId) ?? "unknown";
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.SupportAttempts.Add(new SupportAttempt
        {
            At = time.GetUtcNow().UtcDateTime,
            AgentUserId = agentId,
            CustomerId = customerId,
            Refusal = SupportRefusal.ForbiddenDuringSession,
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Support agent {AgentId} tried to answer access or change the approval setting during a session", agentId);
        return AccessChangeResult.Refused(OnlyTheAccountHolder);
    }
}
