using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Features.Support.Access;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support;

/// <summary>
/// The answer to "Com 1 support is in your account": once a session has ended, the customer's bell says how long it
/// lasted, how it ended and what was changed, in the words "Who accessed my account" uses.
/// </summary>
internal static class SessionFollowUp
{
    /// <summary>How many changes the notification names before it points to the page for the rest.</summary>
    private const int ChangesNamed = 5;

    public static async Task AddAsync(AppDbContext db, Guid sessionId, DateTime now, CancellationToken cancellationToken)
    {
        var customerId = await db.SupportSessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => s.CustomerId).SingleAsync(cancellationToken);
        var page = await AccessHistoryService.SessionsAsync(db, customerId, olderThan: null, now, cancellationToken, pageSize: 1,
            sessionId: sessionId);
        var session = page.Items.Single();
        NotificationService.Add(db, customerId, "Com 1 support's session in your account has ended", Text(session), "access", now);
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static string Text(SupportSessionView session)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling((session.EndsAt - session.StartedAt).TotalMinutes));
        var lasted = $"{session.AgentName}'s session (ticket {session.Ticket}) lasted {minutes} {(minutes == 1 ? "minute" : "minutes")}. "
            + $"{session.State.Describe()}.";
        var changes = session.Actions;
        if (changes.Count == 0)
        {
            return $"{lasted} Nothing in your account was changed.";
        }
        var named = string.Join("; ", changes.Take(ChangesNamed).Select(a => a.What));
        var rest = changes.Count > ChangesNamed ? $"; and {changes.Count - ChangesNamed} more under Who accessed my account" : "";
        return $"{lasted} {changes.Count} {(changes.Count == 1 ? "change" : "changes")}: {named}{rest}.";
    }
}
