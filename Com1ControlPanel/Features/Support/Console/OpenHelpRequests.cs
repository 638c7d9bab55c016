using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Support.Help;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support.Console;

/// <summary>The customers' open help requests, oldest first, for support agents (checked on the server).</summary>
public sealed class OpenHelpRequests(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public const int Shown = 50;

    public async Task<IReadOnlyList<OpenHelpRequest>> ListAsync(CancellationToken cancellationToken = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (!principal.IsInRole(Roles.SupportAgent) || principal.IsSupportSession())
        {
            throw new UnauthorizedAccessException("Only Com 1 support agents see customers' help requests.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from request in db.HelpRequests.AsNoTracking()
                          join customer in db.Customers on request.CustomerId equals customer.Id
                          where request.Status != HelpRequestStatus.Closed
                          orderby request.CreatedAt, request.Id
                          select new { Request = request, customer.FullName, customer.CustomerNumber })
            .Take(Shown).ToListAsync(cancellationToken);
        var open = new List<OpenHelpRequest>(rows.Count);
        foreach (var row in rows)
        {
            open.Add(new OpenHelpRequest(row.Request.Reference, row.Request.CustomerId, row.FullName, row.CustomerNumber,
                row.Request.Subject, row.Request.Description, row.Request.Status, row.Request.CreatedAt, row.Request.AccessMinutes,
                await HelpPermissions.MinutesLeftAsync(db, row.Request, now, cancellationToken)));
        }
        return open;
    }
}

/// <summary>An open request as the console shows it; <see cref="MinutesLeft"/> is what a session for it may still take.</summary>
public sealed record OpenHelpRequest(
    string Reference, string CustomerId, string CustomerName, string CustomerNumber, string Subject, string Description,
    HelpRequestStatus Status, DateTime CreatedAt, int? AccessMinutes, int MinutesLeft);
