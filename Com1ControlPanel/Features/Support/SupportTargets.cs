using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support;

/// <summary>Reads the account an agent names, for <see cref="SupportAccessRules"/>.</summary>
internal static class SupportTargets
{
    public static async Task<SupportTarget?> FindAsync(AppDbContext db, string? userId, DateTime now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userId) || userId.Length > 450)
        {
            return null;
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.LockoutEnd }).SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == userId)
            .Select(c => new { c.Status, c.RequireSupportApproval }).SingleOrDefaultAsync(cancellationToken);
        var staffRole = await (from userRole in db.UserRoles
                               join role in db.Roles on userRole.RoleId equals role.Id
                               where userRole.UserId == userId && Roles.Staff.Contains(role.Name!)
                               select role.Id).AnyAsync(cancellationToken);
        return new SupportTarget(
            user.Id,
            IsStaff: staffRole || customer is null,
            IsLockedOut: user.LockoutEnd is { } end && end.UtcDateTime > now,
            Status: customer?.Status ?? AccountStatus.Closed,
            RequiresApproval: customer?.RequireSupportApproval ?? false);
    }
}
