using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Features.Support.Access;
using Com1ControlPanel.Features.Support.Help;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Features.Support;

/// <summary>
/// Starting support sessions and asking customers for access, for support agents only (checked on the server). The
/// refusals of <see cref="SupportAccessRules"/> apply every time and each refusal is recorded as a
/// <see cref="SupportAttempt"/>. Signing the agent in as the customer is the HTTP endpoint's part.
/// </summary>
public sealed partial class SupportSessions(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    SupportAttempts attempts,
    Outbox outbox,
    IOptions<SupportOptions> options,
    TimeProvider time,
    ILogger<SupportSessions> logger)
{
    public int MaxMinutes => options.Value.MaxSessionMinutes;

    /// <summary>What the console needs to know before offering to start: refusal, and where an approval stands.</summary>
    public async Task<SupportAccessState> GetStateAsync(string customerId, CancellationToken cancellationToken = default)
    {
        var agent = await currentUser.GetPrincipalAsync();
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await SupportTargets.FindAsync(db, customerId, now, cancellationToken);
        var refusal = SupportAccessRules.RefusalFor(agent, target, options.Value.RequireTwoFactor);
        if (refusal is not null || target is null || !target.RequiresApproval)
        {
            return new SupportAccessState(refusal, target?.RequiresApproval ?? false, null, null);
        }
        var agentId = agent.FindFirstValue(ClaimTypes.NameIdentifier)!;
        return new SupportAccessState(null, true,
            await UsableApprovalAsync(db, agentId, customerId, now, cancellationToken),
            await PendingRequestAsync(db, agentId, customerId, now, cancellationToken));
    }

    /// <summary>Starts a session, or refuses it (recorded) and starts nothing.</summary>
    public async Task<SupportStartResult> StartAsync(SupportStartForm form, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (HelpReference.IdOf(form.HelpRequest) is { } helpId)
        {
            // A session for a help request is filed under its reference, whatever ticket the form sent.
            form.Ticket = HelpReference.Of(helpId);
        }
        var (caller, refused) = await CheckAsync(db, form, cancellationToken);
        if (caller is null)
        {
            return refused!;
        }
        var (agent, agentId, target, now) = caller;

        var minutes = form.Minutes;
        SupportAccessRequest? approval = null;
        (HelpRequest Request, int MinutesLeft)? help = null;
        if (!string.IsNullOrEmpty(form.HelpRequest))
        {
            // The customer's permission in their request is their approval: only while it is open, theirs, and has time left.
            help = await HelpPermissions.ForStartAsync(db, form.HelpRequest, target.UserId, now, cancellationToken);
            if (help is not { MinutesLeft: > 0 })
            {
                await attempts.RecordAsync(agentId, target.UserId, SupportRefusal.HelpRequestNotUsable, cancellationToken);
                return new SupportStartResult.Refused(SupportRefusal.HelpRequestNotUsable);
            }
            minutes = Math.Min(minutes, help.Value.MinutesLeft);
        }
        else if (target.RequiresApproval)
        {
            approval = await UsableApprovalAsync(db, agentId, target.UserId, now, cancellationToken);
            if (approval is null)
            {
                await attempts.RecordAsync(agentId, target.UserId, SupportRefusal.ApprovalRequired, cancellationToken);
                return new SupportStartResult.Refused(SupportRefusal.ApprovalRequired);
            }
            // The customer approved a window: the session never outlasts it, nor the length they agreed to.
            minutes = Math.Min(minutes, approval.ApprovedMinutes ?? 0);
        }

        // What the hand-back at the end is checked against: the agent's stamp as it is now, and how they signed in.
        var agentAccount = await db.Users.Where(u => u.Id == agentId).Select(u => new { u.SecurityStamp }).SingleOrDefaultAsync(cancellationToken);
        if (agentAccount is null)
        {
            await attempts.RecordAsync(agentId, target.UserId, SupportRefusal.NotAnAgent, cancellationToken);
            return new SupportStartResult.Refused(SupportRefusal.NotAnAgent);
        }

        var expiresAt = now.AddMinutes(minutes);
        if (approval?.WindowEndsAt is { } windowEnd && windowEnd < expiresAt)
        {
            expiresAt = windowEnd;
        }
        var session = new SupportSession
        {
            AgentUserId = agentId,
            AgentName = agent.GetDisplayName(),
            CustomerId = target.UserId,
            Reason = form.Reason!.Value,
            Ticket = form.Ticket.Trim(),
            Note = form.Note.Trim(),
            StartedAt = now,
            ExpiresAt = expiresAt,
            AccessRequestId = approval?.Id,
            HelpRequestId = help?.Request.Id,
            AgentStampHash = AgentStamp.Hash(agentAccount.SecurityStamp),
            AgentUsedSecondFactor = agent.SignedInWithSecondFactor(),
            AgentSignedInAt = agent.GetSignedInAt()?.UtcDateTime ?? now,
        };
        db.SupportSessions.Add(session);
        help?.Request.SessionStarted(new Actor(agentId, session.AgentName, ChangeSource.SupportOnBehalf), session.Id, now);
        await TellCustomerAsync(db, session, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (approval is not null || help is not null)
        {
            // Another start used the same approval first (the unique index on AccessRequestId), or the request changed
            // (closed, or another session started) since it was read (its version): nothing was started.
            var refusal = approval is not null ? SupportRefusal.ApprovalRequired : SupportRefusal.HelpRequestNotUsable;
            await attempts.RecordAsync(agentId, target.UserId, refusal, cancellationToken);
            return new SupportStartResult.Refused(refusal);
        }
        outbox.NotifySaved();
        logger.LogInformation("Support session {SessionId} started by {AgentId} for {CustomerId} until {ExpiresAt}",
            session.Id, session.AgentUserId, session.CustomerId, session.ExpiresAt);
        return new SupportStartResult.Started(session);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
