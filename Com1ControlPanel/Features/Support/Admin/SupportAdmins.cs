using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Features.Support.Admin;

/// <summary>Who may review support sessions: administrators signed in as themselves, checked on the server by every query.</summary>
public static class SupportAdmins
{
    public static async Task<Actor> RequireAdminAsync(this CurrentUser currentUser)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (!principal.IsInRole(Roles.Admin) || principal.IsSupportSession())
        {
            throw new UnauthorizedAccessException("Only administrators can see and end support sessions.");
        }
        return await currentUser.GetActorAsync();
    }
}

/// <summary>One page of a list reviewed newest first: page 0 is the newest.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Page, int Total)
{
    public const int Size = 20;

    public bool HasNewer => Page > 0;
    public bool HasOlder => (Page + 1) * Size < Total;
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);

    /// <summary>A page number from the browser, kept within what can exist.</summary>
    public static int Clamp(int page) => Math.Clamp(page, 0, 10_000);
}
