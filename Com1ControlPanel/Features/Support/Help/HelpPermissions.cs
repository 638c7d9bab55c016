using Com1ControlPanel.Data;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support.Help;

/// <summary>
/// What the customer's "Support may act in my account for this request for up to N minutes" still allows: nothing once
/// the request is closed; otherwise N minutes less what its sessions took (a running session counts to its expiry,
/// since it may run that long).
/// </summary>
internal static class HelpPermissions
{
    public static async Task<int> MinutesLeftAsync(AppDbContext db, HelpRequest request, DateTime now, CancellationToken cancellationToken)
    {
        if (!request.IsOpen || request.AccessMinutes is not { } allowed)
        {
            return 0;
        }
        var sessions = await db.SupportSessions.AsNoTracking()
            .Where(s => s.HelpRequestId == request.Id && s.CustomerId == request.CustomerId)
            .Select(s => new { s.StartedAt, s.ExpiresAt, s.EndedAt })
            .ToListAsync(cancellationToken);
        var used = sessions.Sum(s =>
        {
            var end = s.EndedAt is { } ended && ended < s.ExpiresAt ? ended : s.ExpiresAt;
            return (int)Math.Ceiling((end - s.StartedAt).TotalMinutes);
        });
        return Math.Max(0, allowed - used);
    }

    /// <summary>
    /// The open request of <paramref name="customerId"/> named by <paramref name="reference"/>, tracked so a session can be
    /// added to its timeline, with the minutes it still allows; null when there is no such open request.
    /// </summary>
    public static async Task<(HelpRequest Request, int MinutesLeft)?> ForStartAsync(
        AppDbContext db, string? reference, string customerId, DateTime now, CancellationToken cancellationToken)
    {
        if (HelpReference.IdOf(reference) is not { } id)
        {
            return null;
        }
        var request = await db.HelpRequests.SingleOrDefaultAsync(r => r.Id == id && r.CustomerId == customerId, cancellationToken);
        return request is { IsOpen: true } ? (request, await MinutesLeftAsync(db, request, now, cancellationToken)) : null;
    }
}
