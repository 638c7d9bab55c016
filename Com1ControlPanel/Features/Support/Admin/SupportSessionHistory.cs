using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Support.Help;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support.Admin;

/// <summary>
/// Support sessions that are over (ended, or run out even when nobody has noticed yet), for administrators only: filtered
/// and paged in the database, newest first.
/// </summary>
public sealed class SupportSessionHistory(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public async Task<ListPage<PastSessionView>> PastAsync(
        PastSessionFilter filter, TimeZoneInfo zone, int page = 0, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAdminAsync();
        page = ListPage<PastSessionView>.Clamp(page);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sessions = db.SupportSessions.AsNoTracking().Where(s => s.EndedAt != null || s.ExpiresAt <= now);
        if (filter.AgentUserId is { Length: > 0 } agentId)
        {
            sessions = sessions.Where(s => s.AgentUserId == agentId);
        }
        if (filter.From is { } from)
        {
            var start = StartOfDay(from, zone);
            sessions = sessions.Where(s => s.StartedAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = StartOfDay(to.AddDays(1), zone);
            sessions = sessions.Where(s => s.StartedAt < end);
        }
        var rows = from session in sessions
                   join customer in db.Customers on session.CustomerId equals customer.Id
                   join user in db.Users on session.CustomerId equals user.Id
                   join endedBy in db.Users on session.EndedByUserId equals endedBy.Id into endedBys
                   from endedBy in endedBys.DefaultIfEmpty()
                   select new { session, customer.FullName, customer.CustomerNumber, user.NormalizedEmail, EndedByName = endedBy == null ? null : endedBy.DisplayName };
        if (filter.Customer?.Trim() is { Length: > 0 } term)
        {
            // Lower-cased on both sides: the same match on SQLite and PostgreSQL.
            var lower = term.ToLowerInvariant();
            var upper = term.ToUpperInvariant();
            rows = rows.Where(r => r.FullName.ToLower().Contains(lower) || r.CustomerNumber.ToLower().Contains(lower)
                || (r.NormalizedEmail != null && r.NormalizedEmail.Contains(upper)));
        }
        var total = await rows.CountAsync(cancellationToken);
        var found = await rows.OrderByDescending(r => r.session.StartedAt).ThenByDescending(r => r.session.Id)
            .Skip(page * ListPage<PastSessionView>.Size).Take(ListPage<PastSessionView>.Size)
            .ToListAsync(cancellationToken);
        return new([.. found.Select(r => new PastSessionView(r.session.Id, r.session.AgentName, r.FullName, r.CustomerNumber,
            r.session.Reason, r.session.Ticket, r.session.HelpRequestId is { } help ? HelpReference.Of(help) : null,
            r.session.StartedAt, r.session.EndedAt ?? r.session.ExpiresAt,
            r.session.Ending ?? SessionEnding.Expired, r.EndedByName))], page, total);
    }

    /// <summary>The agents who have held a session, for the filter: former agents too, by the name their sessions carry.</summary>
    public async Task<IReadOnlyList<AgentChoice>> AgentsAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agents = await db.SupportSessions.AsNoTracking()
            .GroupBy(s => s.AgentUserId)
            .Select(g => new AgentChoice(g.Key, g.OrderByDescending(s => s.StartedAt).Select(s => s.AgentName).First()))
            .ToListAsync(cancellationToken);
        return [.. agents.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)];
    }

    // A day as the viewer counts it; a midnight skipped by a clock change starts the day an hour later.
    private static DateTime StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(local) ? local.AddHours(1) : local, zone);
    }
}

public sealed record PastSessionFilter
{
    public string? AgentUserId { get; init; }
    /// <summary>Part of the customer's name, email address or customer number.</summary>
    public string? Customer { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
}

public sealed record AgentChoice(string UserId, string Name);
