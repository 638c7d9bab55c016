using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support.Access;

/// <summary>
/// "Who accessed my account": the signed-in customer's support sessions with what was done in them, the access requests
/// and their answers, and the customer's own sign-ins. Every query is scoped to the customer the server has signed in.
/// </summary>
public sealed class AccessHistoryService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public const int SessionsPerPage = 10;
    public const int PastRequestsShown = 20;
    public const int SignInsShown = 50;

    public async Task<AccessHistory> GetAsync(CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        var actingAsSupport = await currentUser.IsSupportSessionAsync();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var requireApproval = await db.Customers.Where(c => c.Id == customerId)
            .Select(c => c.RequireSupportApproval).SingleAsync(cancellationToken);
        // Pending ones past their answer-by time are expired: they belong with the past requests.
        var pending = await db.SupportAccessRequests.AsNoTracking()
            .Where(r => r.CustomerId == customerId && r.Status == AccessRequestStatus.Pending && r.AnswerBy > now)
            .OrderBy(r => r.AnswerBy)
            .ToListAsync(cancellationToken);
        var past = await db.SupportAccessRequests.AsNoTracking()
            .Where(r => r.CustomerId == customerId && (r.Status != AccessRequestStatus.Pending || r.AnswerBy <= now))
            .OrderByDescending(r => r.RequestedAt)
            .Take(PastRequestsShown)
            .ToListAsync(cancellationToken);
        var signIns = await db.SignInRecords.AsNoTracking()
            .Where(r => r.UserId == customerId)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id)
            .Take(SignInsShown)
            .ToListAsync(cancellationToken);
        var sessions = await SessionsAsync(db, customerId, olderThan: null, now, cancellationToken);

        return new AccessHistory(now, requireApproval, actingAsSupport,
            [.. pending.Select(r => ToView(r, now))], sessions, [.. past.Select(r => ToView(r, now))],
            [.. signIns.Select(s => new SignInView(s.At, s.Succeeded, AccessWords.Describe(s), s.Network, s.Browser))]);
    }

    /// <summary>The sessions that started before <paramref name="olderThan"/>, for "Show older sessions".</summary>
    public async Task<SupportSessionPage> GetOlderSessionsAsync(DateTime olderThan, CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await SessionsAsync(db, customerId, olderThan, time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <summary>
    /// <paramref name="pageSize"/> of the customer's sessions that started before <paramref name="olderThan"/>, newest first,
    /// each with what was done in it, as the page shows them (the personal data download reads them all, page by page;
    /// a help request's page reads those held for it, the follow-up notification the one that ended).
    /// </summary>
    internal static async Task<SupportSessionPage> SessionsAsync(
        AppDbContext db, string customerId, DateTime? olderThan, DateTime now, CancellationToken cancellationToken,
        int pageSize = SessionsPerPage, int? helpRequestId = null, Guid? sessionId = null)
    {
        var query = db.SupportSessions.AsNoTracking().Where(s => s.CustomerId == customerId);
        if (helpRequestId is { } request)
        {
            // The sessions held for one help request, for its page.
            query = query.Where(s => s.HelpRequestId == request);
        }
        if (sessionId is { } one)
        {
            // One session, for the notification that follows its end.
            query = query.Where(s => s.Id == one);
        }
        if (olderThan is { } before)
        {
            // Paging by start time: one customer's sessions never start at the same instant (one agent signs in at a time).
            query = query.Where(s => s.StartedAt < before);
        }
        var sessions = await query.OrderByDescending(s => s.StartedAt).Take(pageSize + 1).ToListAsync(cancellationToken);
        var more = sessions.Count > pageSize;
        if (more)
        {
            sessions.RemoveAt(pageSize);
        }

        var ids = sessions.Select(s => (Guid?)s.Id).ToList();
        // Scoped by customer as well as by session: a session id alone must never reach another customer's rows.
        var profileChanges = await db.ProfileChanges.AsNoTracking()
            .Where(c => c.CustomerId == customerId && ids.Contains(c.SupportSessionId))
            .ToListAsync(cancellationToken);
        var consentChanges = await db.ConsentRecords.AsNoTracking()
            .Where(r => r.CustomerId == customerId && ids.Contains(r.SupportSessionId))
            .ToListAsync(cancellationToken);
        var moveSteps = await (from s in db.TechnicalContactMoveSteps.AsNoTracking()
                               join m in db.TechnicalContactMoves on s.MoveId equals m.Id
                               join d in db.Domains on m.DomainId equals d.Id
                               where s.CustomerId == customerId && ids.Contains(s.SupportSessionId)
                               select new { Step = s, Domain = d.Name, m.Company, m.ContactPerson })
            .ToListAsync(cancellationToken);
        var actions = profileChanges.Select(c => (c.SupportSessionId, Action: AccessWords.Describe(c), Order: c.Id))
            .Concat(consentChanges.Select(r => (r.SupportSessionId, Action: AccessWords.Describe(r), Order: r.Id)))
            .Concat(moveSteps.Select(m => (m.Step.SupportSessionId,
                Action: AccessWords.Describe(m.Step, DomainName.FromAscii(m.Domain), m.Company, m.ContactPerson), Order: m.Step.Id)))
            .ToLookup(a => a.SupportSessionId!.Value);

        return new SupportSessionPage(
            [.. sessions.Select(s => ToView(s, now, [.. actions[s.Id].OrderBy(a => a.Action.At).ThenBy(a => a.Order).Select(a => a.Action)]))],
            more ? sessions[^1].StartedAt : null);
    }

    private static SupportSessionView ToView(SupportSession session, DateTime now, IReadOnlyList<SessionAction> actions)
    {
        // A session nobody ended before its expiry stopped at its expiry, whenever (or whether) the expiry was noted.
        var (state, endsAt) = session switch
        {
            _ when session.IsActiveAt(now) => (SessionState.Active, session.ExpiresAt),
            { EndedAt: { } ended, Ending: SessionEnding.EndedByAdmin } when ended < session.ExpiresAt => (SessionState.EndedByAdmin, ended),
            { EndedAt: { } ended, Ending: SessionEnding.EndedByAgent } when ended < session.ExpiresAt => (SessionState.EndedByAgent, ended),
            { EndedAt: { } ended, Ending: SessionEnding.EndedByCustomer } when ended < session.ExpiresAt => (SessionState.EndedByYou, ended),
            { EndedAt: { } ended, Ending: SessionEnding.AgentAccessRevoked } when ended < session.ExpiresAt
                => (SessionState.AgentAccessRevoked, ended),
            { EndedAt: { } ended, Ending: SessionEnding.AccountClosed } when ended < session.ExpiresAt => (SessionState.AccountClosed, ended),
            _ => (SessionState.TimeRanOut, session.ExpiresAt),
        };
        return new SupportSessionView(session.Id, session.AgentName, session.Reason.ForCustomer(), session.Ticket, session.Note,
            session.StartedAt, endsAt, state, session.AccessRequestId is not null, actions);
    }

    /// <summary>A request as the page shows it: pending, approved, denied, withdrawn by the agent, or expired unanswered.</summary>
    internal static AccessRequestView ToView(SupportAccessRequest request, DateTime now)
    {
        var outcome = request.Status switch
        {
            AccessRequestStatus.Approved => RequestOutcome.Approved,
            AccessRequestStatus.Denied => RequestOutcome.Denied,
            AccessRequestStatus.Withdrawn => RequestOutcome.Withdrawn,
            _ when request.AnswerBy <= now => RequestOutcome.Expired,
            _ => RequestOutcome.Pending,
        };
        return new AccessRequestView(request.Id, request.AgentName, request.Reason.ForCustomer(), request.Ticket, request.Note,
            request.RequestedMinutes, request.RequestedAt, request.AnswerBy, outcome, request.AnsweredAt, request.ApprovedMinutes,
            request.WindowEndsAt);
    }
}
