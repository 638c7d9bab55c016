using Com1ControlPanel.Data;
using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Features.PersonalData;

/// <summary>
/// What every section reads with: one database context for the whole download, the signed-in user as the server knows
/// them (never an id a page sent), and the moment the download was made. Every query filters on <see cref="UserId"/>.
/// </summary>
/// <param name="CustomerNumber">Null for staff, who have an account but no customer record.</param>
public sealed record ExportScope(AppDbContext Db, ApplicationUser User, UserManager<ApplicationUser> Users, string? CustomerNumber,
    DateTime Now)
{
    public string UserId => User.Id;
}
