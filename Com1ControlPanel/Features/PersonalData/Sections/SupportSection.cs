using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Access;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.PersonalData.Sections;

/// <summary>
/// What "Who accessed my account" shows, all of it: every support session with what was done in it (changes of account
/// data, consent and Technical Contact requests), every access request and its answer, each agent named as the page names
/// them. Also support's attempts that the panel refused, which the page does not list.
/// </summary>
internal static class SupportSection
{
    private const int SessionsPerRead = 200;

    public static async Task<object?> ReadAsync(ExportScope scope, CancellationToken cancellationToken)
    {
        var sessions = new List<SupportSessionView>();
        DateTime? olderThan = null;
        do
        {
            var page = await AccessHistoryService.SessionsAsync(scope.Db, scope.UserId, olderThan, scope.Now, cancellationToken,
                SessionsPerRead);
            sessions.AddRange(page.Items);
            olderThan = page.OlderThan;
        } while (olderThan is not null);

        var requests = await scope.Db.SupportAccessRequests.AsNoTracking()
            .Where(r => r.CustomerId == scope.UserId)
            .OrderBy(r => r.RequestedAt)
            .ToListAsync(cancellationToken);
        var refused = await (from a in scope.Db.SupportAttempts.AsNoTracking()
                             join u in scope.Db.Users on a.AgentUserId equals u.Id into agents
                             from agent in agents.DefaultIfEmpty()
                             where a.CustomerId == scope.UserId
                             orderby a.At, a.Id
                             select new { a.At, a.Refusal, Agent = agent == null ? null : agent.DisplayName })
            .ToListAsync(cancellationToken);

        return new
        {
            Sessions = sessions.OrderBy(s => s.StartedAt).Select(s => new
            {
                s.Id, Agent = s.AgentName, s.Reason, s.Ticket, s.Note, s.StartedAt, EndedAt = s.EndsAt, s.State,
                StateText = s.State.Describe(), s.StartedUnderApproval, s.Actions,
            }).ToList(),
            AccessRequests = requests.Select(r => AccessHistoryService.ToView(r, scope.Now)).Select(r => new
            {
                r.Id, Agent = r.AgentName, r.Reason, r.Ticket, r.Note, r.RequestedMinutes, r.RequestedAt, r.AnswerBy, r.Outcome,
                OutcomeText = r.Outcome.Describe(), r.AnsweredAt, r.ApprovedMinutes, r.WindowEndsAt,
            }).ToList(),
            RefusedAttempts = refused.Select(a => new
            {
                a.At, Agent = a.Agent ?? "Com 1 support", a.Refusal, What = Describe(a.Refusal),
            }).ToList(),
        };
    }

    // The refusal in the customer's words: the agent's own message speaks to the agent.
    private static string Describe(SupportRefusal refusal) => refusal switch
    {
        SupportRefusal.ForbiddenDuringSession => "Support tried something that stays with you; the panel refused it",
        SupportRefusal.ApprovalRequired => "Support tried to start a session without your approval; the panel refused it",
        SupportRefusal.SessionEnded => "Support tried to go on after the session had ended; the panel refused it",
        SupportRefusal.TwoFactorRequired => "Support tried to start a session without signing in with two factors; the panel refused it",
        SupportRefusal.AccountLockedOrClosed => "Support tried to start a session while your account was locked, suspended or closed",
        _ => "Support tried to start a session and the panel refused it",
    };
}
