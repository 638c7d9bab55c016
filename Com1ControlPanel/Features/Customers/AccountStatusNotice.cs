using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Customers;

/// <summary>Whether the signed-in customer's account is suspended, and why, for the banner on every page.</summary>
public sealed class AccountStatusNotice(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    /// <summary>
    /// The suspension of the signed-in customer's own account; null when it is not suspended or nobody (or staff) is
    /// signed in. Read from the sign-in alone, so it never throws in a layout, not even for an ended support session.
    /// </summary>
    public async Task<Suspension?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (await CustomerIdAsync() is not { } customerId)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Customers.AsNoTracking()
            .Where(c => c.Id == customerId && c.Status == AccountStatus.Suspended)
            .Select(c => new Suspension(c.Id, c.StatusReason ?? SuspensionReason.Other, c.StatusMessage, c.StatusChangedAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The signed-in customer's id; null for staff and visitors.</summary>
    public async Task<string?> CustomerIdAsync()
    {
        var principal = await currentUser.GetPrincipalAsync();
        return principal.Identity?.IsAuthenticated == true && principal.IsInRole(Roles.Customer)
            ? principal.FindFirstValue(ClaimTypes.NameIdentifier)
            : null;
    }
}

/// <summary>A suspended account as its customer reads about it.</summary>
public sealed record Suspension(string CustomerId, SuspensionReason Reason, string? Message, DateTime? Since);
